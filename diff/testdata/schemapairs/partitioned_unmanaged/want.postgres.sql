-- changes
-- add column users.email character varying(100)

-- warnings

-- notes
-- table measures is partitioned or a partition, which retort does not manage: it is left as it is, neither created, changed nor dropped
-- table measures_2026 is partitioned or a partition, which retort does not manage: it is left as it is, neither created, changed nor dropped

-- upgrade
ALTER TABLE "users" ADD COLUMN "email" character varying(100) NULL;

-- downgrade
ALTER TABLE "users" DROP COLUMN "email";

