-- 016_set_not_null_with_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column users.email NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL
--
-- Changes:
--   modify column users.email: NULL → NOT NULL, default none → ''

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `email` varchar(100) NOT NULL DEFAULT '', ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `email` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;
