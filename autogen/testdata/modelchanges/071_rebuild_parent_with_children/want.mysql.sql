-- 071_rebuild_parent_with_children
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column users.name NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL
--
-- Changes:
--   modify column users.name: NULL → NOT NULL, default none → ''

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL DEFAULT '', ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;
