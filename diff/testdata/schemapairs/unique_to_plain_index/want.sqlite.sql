-- changes
-- change index idx_users_name on users to (name)

-- warnings

-- notes

-- upgrade
DROP INDEX `idx_users_name`;
CREATE INDEX `idx_users_name` ON `users` (`name`);

-- downgrade
DROP INDEX `idx_users_name`;
CREATE UNIQUE INDEX `idx_users_name` ON `users` (`name`);

