-- changes
-- modify column counters.hits: type bigint → integer

-- warnings
-- changes column counters.hits from bigint to integer: large values are rejected
-- changing the type of column counters.hits from bigint to integer rewrites table counters with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead

-- notes

-- upgrade
ALTER TABLE "counters" ALTER COLUMN "hits" TYPE integer;

-- downgrade
ALTER TABLE "counters" ALTER COLUMN "hits" TYPE bigint;

