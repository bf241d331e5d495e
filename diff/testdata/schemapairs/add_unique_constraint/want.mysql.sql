-- changes
-- add unique index uni_users_name on users (name)

-- warnings
-- adds unique index uni_users_name on users (name): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table

-- notes

-- upgrade
ALTER TABLE `users` ADD UNIQUE INDEX `uni_users_name` (`name`), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` DROP INDEX `uni_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

