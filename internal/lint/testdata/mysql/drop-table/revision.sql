-- scenario: drop-table
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
DROP TABLE `sessions`;
CREATE TABLE `tmp` (a int);
DROP TABLE `tmp`;
-- retort:lint-ignore drop-table
TRUNCATE TABLE `audit`;

-- +retort Downgrade
SELECT 1;
