-- 086_set_not_null_on_null_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column users.email NOT NULL without a default: the upgrade fails if a row holds NULL
--
-- Changes:
--   modify column users.email: NULL → NOT NULL

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `email` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `email` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;
