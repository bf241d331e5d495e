-- 040_foreign_key_on_delete_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE RESTRICT (ON DELETE CASCADE → RESTRICT)

-- +retort Upgrade NoTransaction
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE RESTRICT NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- +retort Downgrade NoTransaction
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";
