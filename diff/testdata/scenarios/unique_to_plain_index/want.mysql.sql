-- changes
-- change index idx_users_name on users to (name)

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`;
ALTER TABLE `users` ADD INDEX `idx_users_name` (`name`);

-- downgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`;
ALTER TABLE `users` ADD UNIQUE INDEX `idx_users_name` (`name`);

