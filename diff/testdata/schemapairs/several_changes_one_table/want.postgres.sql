-- changes
-- modify column orders.total: type numeric(10,2) → numeric(12,2)
-- add column orders.note character varying(200)
-- drop index idx_orders_total on orders
-- add index idx_orders_user on orders (user_id)
-- add foreign key fk_orders_user on orders (user_id) references users (id)

-- warnings

-- notes

-- upgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_orders_total";
ALTER TABLE "orders" ALTER COLUMN "total" TYPE numeric(12,2), ADD COLUMN "note" character varying(200) NULL;
CREATE INDEX CONCURRENTLY "idx_orders_user" ON "orders" ("user_id");
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- downgrade (no transaction)
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
DROP INDEX CONCURRENTLY "idx_orders_user";
ALTER TABLE "orders" ALTER COLUMN "total" TYPE numeric(10,2), DROP COLUMN "note";
CREATE INDEX CONCURRENTLY "idx_orders_total" ON "orders" ("total");

