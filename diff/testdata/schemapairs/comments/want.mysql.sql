-- changes
-- set comment of table users to 'people who log in'
-- modify column users.name: comment none → 'display name'

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` COMMENT 'people who log in', ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'display name', ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` COMMENT '', ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

