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
--   add column users.created_at timestamptz
--   add column users.updated_at timestamptz
--   add column users.deleted_at timestamptz
--   add index idx_users_deleted_at on users (deleted_at)

-- +retort Upgrade NoTransaction
ALTER TABLE "users" ADD COLUMN "created_at" timestamptz NULL, ADD COLUMN "updated_at" timestamptz NULL, ADD COLUMN "deleted_at" timestamptz NULL;
CREATE INDEX CONCURRENTLY "idx_users_deleted_at" ON "users" ("deleted_at");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_users_deleted_at";
ALTER TABLE "users" DROP COLUMN "created_at", DROP COLUMN "updated_at", DROP COLUMN "deleted_at";
