-- changes
-- add column boxes.area integer GENERATED AS (w * h)

-- warnings

-- notes

-- upgrade
ALTER TABLE "boxes" ADD COLUMN "area" integer NULL GENERATED ALWAYS AS (w * h) STORED;

-- downgrade
ALTER TABLE "boxes" DROP COLUMN "area";

