-- changes
-- modify column users.name: NULL → NOT NULL

-- warnings
-- makes column users.name NOT NULL without a default: the upgrade fails if a row holds NULL

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;

