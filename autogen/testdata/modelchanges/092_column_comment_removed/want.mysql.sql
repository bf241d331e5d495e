-- 092_column_comment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column users.name: comment 'the name' → none

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL COMMENT 'the name', ALGORITHM=INPLACE, LOCK=NONE;
