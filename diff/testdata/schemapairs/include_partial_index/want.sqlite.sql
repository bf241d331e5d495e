-- changes
-- add index idx_users_name_a on users (name) WHERE (name > 'a')

-- warnings

-- notes

-- upgrade
CREATE INDEX `idx_users_name_a` ON `users` (`name`) WHERE name > 'a';

-- downgrade
DROP INDEX `idx_users_name_a`;

