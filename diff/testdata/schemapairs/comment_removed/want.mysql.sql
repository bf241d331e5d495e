-- changes
-- set comment of table users to ''
-- modify column users.name: comment 'display name' → none

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` COMMENT '', ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` COMMENT 'people', ALGORITHM=INSTANT;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL COMMENT 'display name', ALGORITHM=INPLACE, LOCK=NONE;

