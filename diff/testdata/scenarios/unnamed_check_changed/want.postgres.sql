-- changes
-- change check stock_qty_check on stock to: (qty >= 1)

-- warnings
-- changes check stock_qty_check on stock ((qty >= 1)): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE "stock" DROP CONSTRAINT "stock_qty_check", ADD CONSTRAINT "stock_qty_check" CHECK (qty >= 1);

-- downgrade
ALTER TABLE "stock" DROP CONSTRAINT "stock_qty_check", ADD CONSTRAINT "stock_qty_check" CHECK (qty >= 0);

