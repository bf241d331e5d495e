-- 109_foreign_key_violated_by_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add foreign key fk_orders_user on orders (user_id) references users (id)

-- +retort Upgrade NoTransaction
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- +retort Downgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
