-- changes
-- add check chk_users_name on users: `name` <> ''

-- warnings
-- adds check chk_users_name on users (`name` <> ''): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_users_name` CHECK (`name` <> '');

-- downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_name`;

