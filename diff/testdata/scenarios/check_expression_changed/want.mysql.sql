-- changes
-- change check chk_users_name on users to: `name` <> 'nobody'

-- warnings
-- changes check chk_users_name on users (`name` <> 'nobody'): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_name`;
ALTER TABLE `users` ADD CONSTRAINT `chk_users_name` CHECK (`name` <> 'nobody');

-- downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_name`;
ALTER TABLE `users` ADD CONSTRAINT `chk_users_name` CHECK (`name` <> '');

