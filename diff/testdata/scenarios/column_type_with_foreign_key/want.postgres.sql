-- changes
-- modify column orders.user_id: type integer → bigint
-- modify column users.id: type integer → bigint

-- warnings

-- notes

-- upgrade
ALTER TABLE "orders" ALTER COLUMN "user_id" TYPE bigint;
ALTER TABLE "users" ALTER COLUMN "id" TYPE bigint;

-- downgrade
ALTER TABLE "orders" ALTER COLUMN "user_id" TYPE integer;
ALTER TABLE "users" ALTER COLUMN "id" TYPE integer;

