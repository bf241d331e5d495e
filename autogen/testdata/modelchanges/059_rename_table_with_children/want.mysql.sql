-- 059_rename_table_with_children
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename table users to accounts
--   rename column orders.user_id to account_id

-- +retort Upgrade
RENAME TABLE `users` TO `accounts`;
ALTER TABLE `orders` RENAME COLUMN `user_id` TO `account_id`, ALGORITHM=INSTANT;

-- +retort Downgrade
RENAME TABLE `accounts` TO `users`;
ALTER TABLE `orders` RENAME COLUMN `account_id` TO `user_id`, ALGORITHM=INSTANT;
