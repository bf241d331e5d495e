-- changes
-- modify column users.name: NULL → NOT NULL, default none → 'x'

-- warnings
-- makes column users.name NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL DEFAULT 'x', ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NULL, ALGORITHM=INPLACE, LOCK=NONE;

