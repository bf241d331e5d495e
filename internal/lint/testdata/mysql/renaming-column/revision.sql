-- scenario: renaming-column
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT;
ALTER TABLE `users` CHANGE `email` `mail` varchar(255), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` RENAME INDEX `a` TO `b`, ALGORITHM=INPLACE, LOCK=NONE;
-- retort:lint-ignore renaming-column
ALTER TABLE `audit` RENAME COLUMN `at` TO `happened_at`, ALGORITHM=INSTANT;

-- +retort Downgrade
SELECT 1;
