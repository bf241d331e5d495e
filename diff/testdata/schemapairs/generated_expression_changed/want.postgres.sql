-- changes
-- drop column boxes.area
-- add column boxes.area integer GENERATED AS ((w * h) * 2)

-- warnings

-- notes

-- upgrade
ALTER TABLE "boxes" DROP COLUMN "area", ADD COLUMN "area" integer NULL GENERATED ALWAYS AS ((w * h) * 2) STORED;

-- downgrade
ALTER TABLE "boxes" DROP COLUMN "area", ADD COLUMN "area" integer NULL GENERATED ALWAYS AS (w * h) STORED;

