-- 091_auto_increment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column tickets.id from bigserial to bigint: values that do not convert make the upgrade fail
--
-- Changes:
--   modify column tickets.id: type bigserial → bigint

-- +retort Upgrade
ALTER TABLE "tickets" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE IF EXISTS "tickets_id_seq";

-- +retort Downgrade
CREATE SEQUENCE IF NOT EXISTS "tickets_id_seq" OWNED BY "tickets"."id";
ALTER TABLE "tickets" ALTER COLUMN "id" SET DEFAULT nextval('"tickets_id_seq"');
