-- 086_set_not_null_on_null_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column users.email NOT NULL without a default: the upgrade fails if a row holds NULL
--
-- Changes:
--   modify column users.email: NULL → NOT NULL

-- +retort Upgrade NoTransaction
ALTER TABLE "users" ADD CONSTRAINT "chk_users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_email_not_null";
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "chk_users_email_not_null";

-- +retort Downgrade
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;
