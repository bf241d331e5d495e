-- 010_widen_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column users.name from varchar(200) to varchar(50): longer values are cut or rejected
--
-- Changes:
--   modify column users.name: type varchar(50) → varchar(200)

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(200) NOT NULL;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL;
