-- changes
-- drop column users.name
-- add column users.full_name varchar(100) NOT NULL

-- warnings
-- drops column users.name: its data is lost
-- adds column users.full_name NOT NULL without a default: the upgrade fails if users has rows
-- column users.name is dropped and users.full_name added with the same type: if it is a rename, run again with --rename users.name=full_name, or tag the field retort:"renamed_from:name"

-- notes

-- upgrade
ALTER TABLE `users` DROP COLUMN `name`, ADD COLUMN `full_name` varchar(100) NOT NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `full_name`, ADD COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INSTANT;

