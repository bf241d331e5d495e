-- changes
-- modify column tickets.id: type bigint → bigserial

-- warnings

-- notes

-- upgrade
CREATE SEQUENCE IF NOT EXISTS "tickets_id_seq" OWNED BY "tickets"."id";
ALTER TABLE "tickets" ALTER COLUMN "id" SET DEFAULT nextval('"tickets_id_seq"');
SELECT setval(pg_get_serial_sequence('"tickets"', 'id'), coalesce(max("id"), 0) + 1, false) FROM "tickets";

-- downgrade
ALTER TABLE "tickets" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE IF EXISTS "tickets_id_seq";

