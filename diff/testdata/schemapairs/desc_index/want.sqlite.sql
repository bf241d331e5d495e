-- changes
-- add index idx_users_name on users (name DESC)

-- warnings

-- notes

-- upgrade
CREATE INDEX `idx_users_name` ON `users` (`name` DESC);

-- downgrade
DROP INDEX `idx_users_name`;

