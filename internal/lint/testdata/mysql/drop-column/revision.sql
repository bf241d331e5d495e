-- scenario: drop-column
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` DROP COLUMN `nickname`, ALGORITHM=INSTANT;
ALTER TABLE `users` DROP INDEX `idx_users_nickname`, ALGORITHM=INPLACE, LOCK=NONE;
-- retort:lint-ignore drop-column
ALTER TABLE `audit` DROP COLUMN `legacy`, ALGORITHM=INSTANT;

-- +retort Downgrade
SELECT 1;
