-- changes
-- add table orders (id integer NOT NULL, user_id integer NOT NULL, total numeric(10,2) NOT NULL DEFAULT 0)

-- warnings

-- notes

-- upgrade
CREATE TABLE "orders" ("id" integer NOT NULL, "user_id" integer NOT NULL, "total" numeric(10,2) NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;

-- downgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
DROP TABLE "orders";

