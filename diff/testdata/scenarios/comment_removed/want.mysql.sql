-- changes
-- set comment of table users to ''
-- modify column users.name: comment 'display name' → none

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` COMMENT '', MODIFY COLUMN `name` varchar(100) NOT NULL;

-- downgrade
ALTER TABLE `users` COMMENT 'people', MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'display name';

