-- changes
-- drop index idx_users_name on users

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` ADD INDEX `idx_users_name` (`name`), ALGORITHM=INPLACE, LOCK=NONE;

