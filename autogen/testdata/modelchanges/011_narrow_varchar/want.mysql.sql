-- 011_narrow_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column users.name from varchar(200) to varchar(50): longer values are cut or rejected
-- WARNING: changing the type of column users.name from varchar(200) to varchar(50) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column users.name from varchar(50) to varchar(200) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column users.name: type varchar(200) → varchar(50)

-- +retort Upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL;

-- +retort Downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(200) NOT NULL;
