-- changes
-- change index idx_people_name on people to (last, first)

-- warnings

-- notes

-- upgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_people_name";
CREATE INDEX CONCURRENTLY "idx_people_name" ON "people" ("last", "first");

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_people_name";
CREATE INDEX CONCURRENTLY "idx_people_name" ON "people" ("first", "last");

