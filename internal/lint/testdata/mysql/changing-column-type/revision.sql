-- scenario: changing-column-type
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL, ALGORITHM=COPY;
-- not reported: with INPLACE the server refuses a copy
ALTER TABLE `users` MODIFY `name` varchar(300) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
-- retort:lint-ignore changing-column-type, alter-table-algorithm audit is small
ALTER TABLE `audit` MODIFY `at` datetime(6);

-- +retort Downgrade
SELECT 1;
