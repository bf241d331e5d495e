-- 042_foreign_key_to_new_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table products: all its rows are lost
--
-- Changes:
--   add foreign key fk_orders_product on orders (product_id) references products (id) ON DELETE SET NULL
--   add table products (id bigserial NOT NULL, name character varying(100))

-- +retort Upgrade NoTransaction
CREATE TABLE "products" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_product" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE SET NULL NOT VALID;
ALTER TABLE "orders" VALIDATE CONSTRAINT "fk_orders_product";

-- +retort Downgrade
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_product";
DROP TABLE "products";
