-- changes
-- change check CONSTRAINT_1 on stock to: `qty` >= 1

-- warnings
-- changes check CONSTRAINT_1 on stock (`qty` >= 1): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE `stock` DROP CONSTRAINT `CONSTRAINT_1`;
ALTER TABLE `stock` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`qty` >= 1);

-- downgrade
ALTER TABLE `stock` DROP CONSTRAINT `CONSTRAINT_1`;
ALTER TABLE `stock` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`qty` >= 0);

