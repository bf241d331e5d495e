-- changes
-- add column users.email varchar(255) NOT NULL DEFAULT ''

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NOT NULL DEFAULT '', ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `email`, ALGORITHM=INSTANT;

