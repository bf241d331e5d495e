-- changes
-- modify column users.name: NOT NULL → NULL

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

