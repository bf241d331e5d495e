-- changes
-- change foreign key fk_orders_user on orders to (user_id) references users (id) ON UPDATE CASCADE (ON UPDATE NO ACTION → CASCADE)

-- warnings

-- notes

-- upgrade (no transaction)
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- downgrade (no transaction)
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

