-- 017_drop_not_null
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: makes column users.name NOT NULL without a default: the downgrade fails if a row holds NULL
--
-- Changes:
--   modify column users.name: NOT NULL → NULL

-- +retort Upgrade
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

-- +retort Downgrade NoTransaction
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name_not_null";
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name_not_null";
