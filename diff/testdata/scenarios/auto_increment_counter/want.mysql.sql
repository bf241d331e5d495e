-- changes
-- add column items.note varchar(20)

-- warnings

-- notes

-- upgrade
ALTER TABLE `items` ADD COLUMN `note` varchar(20) NULL;

-- downgrade
ALTER TABLE `items` DROP COLUMN `note`;

