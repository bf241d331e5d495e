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
ALTER TABLE "users" DROP CONSTRAINT "uni_users_email";

-- +retort Downgrade NoTransaction
CREATE UNIQUE INDEX CONCURRENTLY "uni_users_email" ON "users" ("email");
ALTER TABLE "users" ADD CONSTRAINT "uni_users_email" UNIQUE USING INDEX "uni_users_email";
