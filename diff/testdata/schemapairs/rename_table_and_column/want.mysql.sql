-- changes
-- rename table users to members
-- rename column members.name to full_name

-- warnings

-- notes

-- upgrade
RENAME TABLE `users` TO `members`;
ALTER TABLE `members` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT;

-- downgrade
RENAME TABLE `members` TO `users`;
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`, ALGORITHM=INSTANT;

