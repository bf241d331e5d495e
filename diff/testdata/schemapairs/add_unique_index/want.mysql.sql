-- changes
-- add unique index idx_users_name on users (name)

-- warnings
-- adds unique index idx_users_name on users (name): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table

-- notes

-- upgrade
ALTER TABLE `users` ADD UNIQUE INDEX `idx_users_name` (`name`), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` DROP INDEX `idx_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

