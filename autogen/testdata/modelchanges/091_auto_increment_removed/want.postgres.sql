-- 091_auto_increment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tickets.id: type bigserial → bigint

-- +retort Upgrade
ALTER TABLE "tickets" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE IF EXISTS "tickets_id_seq";

-- +retort Downgrade
CREATE SEQUENCE IF NOT EXISTS "tickets_id_seq" OWNED BY "tickets"."id";
ALTER TABLE "tickets" ALTER COLUMN "id" SET DEFAULT nextval('"tickets_id_seq"');
SELECT setval(pg_get_serial_sequence('"tickets"', 'id'), coalesce(max("id"), 0) + 1, false) FROM "tickets";
