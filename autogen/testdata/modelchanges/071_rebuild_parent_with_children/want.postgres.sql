-- 071_rebuild_parent_with_children
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column users.name NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL
--
-- Changes:
--   modify column users.name: NULL → NOT NULL, default none → ''

-- +retort Upgrade NoTransaction
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT '';
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name_not_null";
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name_not_null";

-- +retort Downgrade
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL, ALTER COLUMN "name" DROP DEFAULT;
