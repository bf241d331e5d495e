-- changes
-- change unique index idx_users_name on users to (name)

-- warnings
-- changes unique index idx_users_name on users to (name): the upgrade fails if existing rows hold duplicates

-- notes

-- upgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD UNIQUE INDEX `idx_users_name` (`name`), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD INDEX `idx_users_name` (`name`), ALGORITHM=INPLACE, LOCK=NONE;

