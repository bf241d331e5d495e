-- changes
-- change unique index idx_users_name on users to (name)

-- warnings
-- changes unique index idx_users_name on users to (name): the upgrade fails if existing rows hold duplicates

-- notes

-- upgrade
DROP INDEX `idx_users_name`;
CREATE UNIQUE INDEX `idx_users_name` ON `users` (`name`);

-- downgrade
DROP INDEX `idx_users_name`;
CREATE INDEX `idx_users_name` ON `users` (`name`);

