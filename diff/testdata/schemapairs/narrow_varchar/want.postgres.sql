-- changes
-- modify column users.name: type character varying(255) → character varying(100)

-- warnings
-- changes column users.name from character varying(255) to character varying(100): longer values are cut or rejected
-- changing the type of column users.name from character varying(255) to character varying(100) rewrites table users with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(100);

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(255);

