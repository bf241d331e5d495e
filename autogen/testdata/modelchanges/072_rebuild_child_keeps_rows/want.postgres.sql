-- 072_rebuild_child_keeps_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: makes column orders.user_id NOT NULL without a default: the downgrade fails if a row holds NULL
--
-- Changes:
--   modify column orders.user_id: NOT NULL → NULL
--   change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE SET NULL (ON DELETE CASCADE → SET NULL)

-- +retort Upgrade NoTransaction
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ALTER COLUMN "user_id" DROP NOT NULL;
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";

-- +retort Downgrade NoTransaction
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_user";
ALTER TABLE "orders" ADD CONSTRAINT "chk_orders_user_id_not_null" CHECK ("user_id" IS NOT NULL) NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "chk_orders_user_id_not_null";
ALTER TABLE "orders" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "orders" DROP CONSTRAINT "chk_orders_user_id_not_null";
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_user";
