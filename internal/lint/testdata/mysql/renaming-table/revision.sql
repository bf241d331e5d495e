-- scenario: renaming-table
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
RENAME TABLE `users` TO `accounts`;
-- retort:lint-ignore renaming-table
ALTER TABLE `audit` RENAME TO `audit_log`, ALGORITHM=INSTANT;

-- +retort Downgrade
SELECT 1;
