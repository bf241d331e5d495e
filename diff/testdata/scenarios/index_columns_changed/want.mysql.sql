-- changes
-- change index idx_people_name on people to (last, first)

-- warnings

-- notes

-- upgrade
ALTER TABLE `people` DROP INDEX `idx_people_name`;
ALTER TABLE `people` ADD INDEX `idx_people_name` (`last`, `first`);

-- downgrade
ALTER TABLE `people` DROP INDEX `idx_people_name`;
ALTER TABLE `people` ADD INDEX `idx_people_name` (`first`, `last`);

