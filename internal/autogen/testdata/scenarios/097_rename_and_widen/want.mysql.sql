-- 097_rename_and_widen
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column users.name from varchar(200) to varchar(100): longer values are cut or rejected
--
-- Changes:
--   rename column users.name to full_name
--   modify column users.full_name: type varchar(100) → varchar(200)

-- +retort Upgrade
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;
ALTER TABLE `users` MODIFY COLUMN `full_name` varchar(200) NOT NULL;

-- +retort Downgrade
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL;
