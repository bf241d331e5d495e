-- changes
-- add column products.category_id integer
-- add foreign key fk_products_category on products (category_id) references categories (id)
-- add table categories (id integer NOT NULL, label character varying(50) NOT NULL)

-- warnings

-- notes

-- upgrade (no transaction)
CREATE TABLE "categories" ("id" integer NOT NULL, "label" character varying(50) NOT NULL, PRIMARY KEY ("id"));
ALTER TABLE "products" ADD COLUMN "category_id" integer NULL;
ALTER TABLE "products" ADD CONSTRAINT "fk_products_category" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "products" VALIDATE CONSTRAINT "fk_products_category";

-- downgrade
ALTER TABLE "products" DROP CONSTRAINT "fk_products_category";
ALTER TABLE "products" DROP COLUMN "category_id";
DROP TABLE "categories";

