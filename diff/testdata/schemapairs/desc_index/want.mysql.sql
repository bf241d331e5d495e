-- changes
-- add index idx_users_name on users (name DESC)

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` ADD INDEX `idx_users_name` (`name` DESC), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

