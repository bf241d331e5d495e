-- scenario: require-lock-timeout
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `bio` text, ALGORITHM=INSTANT;
ALTER TABLE `users` ADD COLUMN `site` text, ALGORITHM=INSTANT;

-- +retort Downgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` DROP COLUMN `site`, ALGORITHM=INSTANT;
-- retort:lint-ignore destructive
ALTER TABLE `users` DROP COLUMN `bio`, ALGORITHM=INSTANT;
