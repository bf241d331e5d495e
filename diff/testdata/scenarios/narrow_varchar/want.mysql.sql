-- changes
-- modify column users.name: type varchar(255) → varchar(100)

-- warnings
-- changes column users.name from varchar(255) to varchar(100): longer values are cut or rejected

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(255) NOT NULL;

