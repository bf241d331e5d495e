-- changes
-- change check stock_qty_check on stock to: (qty >= 1)

-- warnings
-- changes check stock_qty_check on stock ((qty >= 1)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
ALTER TABLE "stock" DROP CONSTRAINT "stock_qty_check";
ALTER TABLE "stock" ADD CONSTRAINT "stock_qty_check" CHECK (qty >= 1) NOT VALID;
ALTER TABLE "stock" VALIDATE CONSTRAINT "stock_qty_check";

-- downgrade (no transaction)
ALTER TABLE "stock" DROP CONSTRAINT "stock_qty_check";
ALTER TABLE "stock" ADD CONSTRAINT "stock_qty_check" CHECK (qty >= 0) NOT VALID;
ALTER TABLE "stock" VALIDATE CONSTRAINT "stock_qty_check";

