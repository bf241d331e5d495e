-- changes
-- drop column users.code
-- drop column users.born
-- drop column users.label

-- warnings
-- drops column users.code: its data is lost
-- drops column users.born: its data is lost
-- drops column users.label: its data is lost

-- notes

-- upgrade
ALTER TABLE `users` DROP COLUMN `code`, DROP COLUMN `born`, DROP COLUMN `label`, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` ADD COLUMN `code` int NOT NULL, ADD COLUMN `born` date NOT NULL, ADD COLUMN `label` varchar(20) NOT NULL, ALGORITHM=INSTANT;

