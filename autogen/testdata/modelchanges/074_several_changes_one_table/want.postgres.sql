-- 074_several_changes_one_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds check chk_age on users ((age >= 0)): the upgrade fails if a row breaks it
-- WARNING: drops column users.temp: its data is lost
-- Downgrade WARNING: changes column users.email from character varying(120) to character varying(50): longer values are cut or rejected
-- Downgrade WARNING: drops column users.phone: its data is lost
-- Downgrade WARNING: changing the type of column users.email from character varying(120) to character varying(50) rewrites table users with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   add check chk_age on users: (age >= 0)
--   modify column users.email: type character varying(50) → character varying(120)
--   drop column users.temp
--   add column users.phone character varying(30)
--   add index idx_users_email on users (email)

-- +retort Upgrade NoTransaction
ALTER TABLE "users" ALTER COLUMN "email" TYPE character varying(120), DROP COLUMN "temp", ADD COLUMN "phone" character varying(30) NULL;
CREATE INDEX CONCURRENTLY "idx_users_email" ON "users" ("email");
ALTER TABLE "users" ADD CONSTRAINT "chk_age" CHECK (age >= 0) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_age";

-- +retort Downgrade NoTransaction
ALTER TABLE "users" DROP CONSTRAINT "chk_age";
DROP INDEX CONCURRENTLY "idx_users_email";
ALTER TABLE "users" ALTER COLUMN "email" TYPE character varying(50), DROP COLUMN "phone", ADD COLUMN "temp" character varying(10) NULL;
