-- 075_gorm_model_added
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.created_at: its data is lost
-- Downgrade WARNING: drops column users.updated_at: its data is lost
-- Downgrade WARNING: drops column users.deleted_at: its data is lost
--
-- Changes:
--   add column users.created_at datetime(3)
--   add column users.updated_at datetime(3)
--   add column users.deleted_at datetime(3)
--   add index idx_users_deleted_at on users (deleted_at)

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `created_at` datetime(3) NULL, ADD COLUMN `updated_at` datetime(3) NULL, ADD COLUMN `deleted_at` datetime(3) NULL, ALGORITHM=INSTANT;
ALTER TABLE `users` ADD INDEX `idx_users_deleted_at` (`deleted_at`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` DROP INDEX `idx_users_deleted_at`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` DROP COLUMN `created_at`, DROP COLUMN `updated_at`, DROP COLUMN `deleted_at`, ALGORITHM=INSTANT;
