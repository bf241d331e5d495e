-- changes
-- add unique index idx_users_name on users (name)

-- warnings
-- adds unique index idx_users_name on users (name): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table

-- notes

-- upgrade
CREATE UNIQUE INDEX `idx_users_name` ON `users` (`name`);

-- downgrade
DROP INDEX `idx_users_name`;

