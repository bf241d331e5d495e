-- changes
-- add column items.note varchar(20)

-- warnings

-- notes

-- upgrade
ALTER TABLE `items` ADD COLUMN `note` varchar(20) NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `items` DROP COLUMN `note`, ALGORITHM=INSTANT;

