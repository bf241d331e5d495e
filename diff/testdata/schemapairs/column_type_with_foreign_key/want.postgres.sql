-- changes
-- modify column orders.user_id: type integer → bigint
-- modify column users.id: type integer → bigint

-- warnings
-- changing the type of column orders.user_id from integer to bigint rewrites table orders with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
-- changing the type of column users.id from integer to bigint rewrites table users with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead

-- notes

-- upgrade
ALTER TABLE "orders" ALTER COLUMN "user_id" TYPE bigint;
ALTER TABLE "users" ALTER COLUMN "id" TYPE bigint;

-- downgrade
ALTER TABLE "orders" ALTER COLUMN "user_id" TYPE integer;
ALTER TABLE "users" ALTER COLUMN "id" TYPE integer;

