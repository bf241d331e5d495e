-- 077_drop_unique_constraint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: adds unique index uni_users_email on users (email): the downgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table
--
-- Changes:
--   drop unique index uni_users_email on users

-- +retort Upgrade
ALTER TABLE `users` DROP INDEX `uni_users_email`, ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` ADD UNIQUE INDEX `uni_users_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;
