-- changes
-- drop check chk_users_name on users: `name` <> ''

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_users_name` CHECK (`name` <> '');

