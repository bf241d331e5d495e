-- 097_rename_and_widen
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column users.name from varchar(200) to varchar(100): longer values are cut or rejected
-- Downgrade WARNING: changing the type of column users.name from varchar(200) to varchar(100) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   rename column users.name to full_name
--   modify column users.full_name: type varchar(100) → varchar(200)

-- +retort Upgrade
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `full_name` varchar(200) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`, ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL;
