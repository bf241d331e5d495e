-- changes
-- add foreign key fk_stock_warehouse on stock (region, code) references warehouses (region, code)

-- warnings

-- notes

-- upgrade (no transaction)
ALTER TABLE "stock" ADD CONSTRAINT "fk_stock_warehouse" FOREIGN KEY ("region", "code") REFERENCES "warehouses" ("region", "code") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "stock" VALIDATE CONSTRAINT "fk_stock_warehouse";

-- downgrade
ALTER TABLE "stock" DROP CONSTRAINT "fk_stock_warehouse";

