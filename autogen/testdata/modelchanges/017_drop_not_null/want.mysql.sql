-- 017_drop_not_null
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: makes column users.name NOT NULL without a default: the downgrade fails if a row holds NULL
--
-- Changes:
--   modify column users.name: NOT NULL → NULL

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
