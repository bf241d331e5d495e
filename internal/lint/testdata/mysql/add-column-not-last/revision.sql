-- scenario: add-column-not-last
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` ADD COLUMN `bio` text AFTER `name`, ALGORITHM=INSTANT;
ALTER TABLE `users` ADD COLUMN `site` text, ALGORITHM=INSTANT;
-- retort:lint-ignore add-column-not-last MySQL 8.0.35 everywhere
ALTER TABLE `audit` ADD COLUMN `kind` int FIRST, ALGORITHM=INSTANT;

-- +retort Downgrade
SELECT 1;
