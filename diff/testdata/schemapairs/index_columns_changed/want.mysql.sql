-- changes
-- change index idx_people_name on people to (last, first)

-- warnings

-- notes

-- upgrade
ALTER TABLE `people` DROP INDEX `idx_people_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `people` ADD INDEX `idx_people_name` (`last`, `first`), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `people` DROP INDEX `idx_people_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `people` ADD INDEX `idx_people_name` (`first`, `last`), ALGORITHM=INPLACE, LOCK=NONE;

