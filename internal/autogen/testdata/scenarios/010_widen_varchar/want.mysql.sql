-- 010_widen_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column users.name: type varchar(50) → varchar(200)

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(200) NOT NULL;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL;
