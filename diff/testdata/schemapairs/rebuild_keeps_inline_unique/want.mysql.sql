-- changes
-- modify column users.name: default 'x' → 'y'

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL DEFAULT 'y', ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) NOT NULL DEFAULT 'x', ALGORITHM=INSTANT;

