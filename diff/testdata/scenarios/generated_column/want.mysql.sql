-- changes
-- add column boxes.area int GENERATED AS (`w` * `h`)

-- warnings

-- notes

-- upgrade
ALTER TABLE `boxes` ADD COLUMN `area` int AS (`w` * `h`) STORED;

-- downgrade
ALTER TABLE `boxes` DROP COLUMN `area`;

