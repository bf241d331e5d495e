-- changes
-- add index idx_users_name on users (name)

-- warnings

-- notes

-- upgrade
CREATE INDEX `idx_users_name` ON `users` (`name`);

-- downgrade
DROP INDEX `idx_users_name`;

