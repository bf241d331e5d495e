-- changes
-- drop index idx_users_name on users

-- warnings

-- notes

-- upgrade
DROP INDEX `idx_users_name`;

-- downgrade
CREATE INDEX `idx_users_name` ON `users` (`name`);

