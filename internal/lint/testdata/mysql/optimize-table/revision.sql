-- scenario: optimize-table
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
OPTIMIZE TABLE `users`;
-- retort:lint-ignore optimize-table
OPTIMIZE TABLE `audit`;

-- +retort Downgrade
SELECT 1;
