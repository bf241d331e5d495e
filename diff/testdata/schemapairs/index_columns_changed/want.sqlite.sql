-- changes
-- change index idx_people_name on people to (last, first)

-- warnings

-- notes

-- upgrade
DROP INDEX `idx_people_name`;
CREATE INDEX `idx_people_name` ON `people` (`last`, `first`);

-- downgrade
DROP INDEX `idx_people_name`;
CREATE INDEX `idx_people_name` ON `people` (`first`, `last`);

