-- scenario: alter-table-algorithm
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` ADD COLUMN `bio` text;
ALTER TABLE `users` ADD INDEX `idx_users_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD COLUMN `site` text, ALGORITHM=INSTANT;
ALTER TABLE `users` ENGINE=InnoDB, ALGORITHM=COPY;
CREATE INDEX `idx_users_name` ON `users` (`name`);
-- retort:lint-ignore alter-table-algorithm
ALTER TABLE `audit` ADD COLUMN `kind` int;

-- +retort Downgrade
SELECT 1;
