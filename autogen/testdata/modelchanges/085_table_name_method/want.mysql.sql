-- 085_table_name_method
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column app_people.email: its data is lost
--
-- Changes:
--   add column app_people.email varchar(100)
--   add index idx_app_people_email on app_people (email)

-- +retort Upgrade
ALTER TABLE `app_people` ADD COLUMN `email` varchar(100) NULL, ALGORITHM=INSTANT;
ALTER TABLE `app_people` ADD INDEX `idx_app_people_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `app_people` DROP INDEX `idx_app_people_email`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `app_people` DROP COLUMN `email`, ALGORITHM=INSTANT;
