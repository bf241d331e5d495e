-- changes
-- drop foreign key fk_orders_user on orders

-- warnings

-- notes

-- upgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";

-- downgrade (no transaction)
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

