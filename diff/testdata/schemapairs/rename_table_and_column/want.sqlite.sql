-- changes
-- rename table users to members
-- rename column members.name to full_name

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` RENAME TO `members`;
ALTER TABLE `members` RENAME COLUMN `name` TO `full_name`;

-- downgrade
ALTER TABLE `members` RENAME TO `users`;
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;

