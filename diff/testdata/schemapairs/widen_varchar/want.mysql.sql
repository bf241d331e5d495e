-- changes
-- modify column users.name: type varchar(100) → varchar(255)

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(255) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL;

