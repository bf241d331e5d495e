-- 074_several_changes_one_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds check chk_age on users (`age` >= 0): the upgrade fails if a row breaks it
-- WARNING: drops column users.temp: its data is lost
-- WARNING: adding the check chk_age to users (the server checks the existing rows by copying the table) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- WARNING: changing the type of column users.email from varchar(50) to varchar(120) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column users.email from varchar(120) to varchar(50): longer values are cut or rejected
-- Downgrade WARNING: drops column users.phone: its data is lost
-- Downgrade WARNING: changing the type of column users.email from varchar(120) to varchar(50) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   add check chk_age on users: `age` >= 0
--   modify column users.email: type varchar(50) → varchar(120)
--   drop column users.temp
--   add column users.phone varchar(30)
--   add index idx_users_email on users (email)

-- +retort Upgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_age` CHECK (`age` >= 0), MODIFY COLUMN `email` varchar(120) NOT NULL, DROP COLUMN `temp`, ADD COLUMN `phone` varchar(30) NULL, ADD INDEX `idx_users_email` (`email`);

-- +retort Downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_age`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` MODIFY COLUMN `email` varchar(50) NOT NULL, DROP COLUMN `phone`, ADD COLUMN `temp` varchar(10) NULL, DROP INDEX `idx_users_email`;
