-- 085_table_name_method
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column app_people.email: its data is lost
--
-- Changes:
--   add column app_people.email character varying(100)
--   add index idx_app_people_email on app_people (email)

-- +retort Upgrade NoTransaction
ALTER TABLE "app_people" ADD COLUMN "email" character varying(100) NULL;
CREATE INDEX CONCURRENTLY "idx_app_people_email" ON "app_people" ("email");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_app_people_email";
ALTER TABLE "app_people" DROP COLUMN "email";
