-- changes
-- set comment of table users to 'people who log in'
-- modify column users.name: comment none → 'display name'

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` COMMENT 'people who log in', MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'display name';

-- downgrade
ALTER TABLE `users` COMMENT '', MODIFY COLUMN `name` varchar(100) NOT NULL;

