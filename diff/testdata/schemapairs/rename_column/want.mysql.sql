-- changes
-- rename column users.name to full_name

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`, ALGORITHM=INSTANT;

