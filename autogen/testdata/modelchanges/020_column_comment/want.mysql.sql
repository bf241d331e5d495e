-- 020_column_comment
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column users.name: comment 'the name' → 'the full name'
--   modify column users.age: comment none → 'in years'

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'the full name', MODIFY COLUMN `age` bigint NULL COMMENT 'in years', ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'the name', MODIFY COLUMN `age` bigint NULL, ALGORITHM=INPLACE, LOCK=NONE;
