-- changes
-- drop table orders
-- drop table users

-- warnings
-- drops table orders: all its rows are lost
-- drops table users: all its rows are lost

-- notes

-- upgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
DROP TABLE "orders";
DROP TABLE "users";

-- downgrade
CREATE TABLE "orders" ("id" integer NOT NULL, "user_id" integer NOT NULL, "total" numeric(10,2) NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
CREATE TABLE "users" ("id" integer NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"));
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;

