-- 089_noop_mysql_table_collation
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change option Collation of table users
--   modify column users.name: charset or collation

-- +retort Upgrade
ALTER TABLE `users` COLLATE utf8mb4_general_ci, MODIFY COLUMN `name` varchar(100) NULL;

-- +retort Downgrade
ALTER TABLE `users` COLLATE utf8mb4_unicode_ci, MODIFY COLUMN `name` varchar(100) NULL;
