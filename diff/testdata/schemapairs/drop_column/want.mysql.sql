-- changes
-- drop column users.nickname

-- warnings
-- drops column users.nickname: its data is lost

-- notes

-- upgrade
ALTER TABLE `users` DROP COLUMN `nickname`, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` ADD COLUMN `nickname` varchar(50) NULL, ALGORITHM=INSTANT;

