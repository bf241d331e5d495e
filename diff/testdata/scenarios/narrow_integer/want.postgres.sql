-- changes
-- modify column counters.hits: type bigint → integer

-- warnings
-- changes column counters.hits from bigint to integer: large values are rejected

-- notes

-- upgrade
ALTER TABLE "counters" ALTER COLUMN "hits" TYPE integer;

-- downgrade
ALTER TABLE "counters" ALTER COLUMN "hits" TYPE bigint;

