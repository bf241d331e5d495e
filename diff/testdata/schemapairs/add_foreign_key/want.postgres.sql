-- changes
-- add foreign key fk_orders_user on orders (user_id) references users (id)

-- warnings

-- notes

-- upgrade (no transaction)
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- downgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";

