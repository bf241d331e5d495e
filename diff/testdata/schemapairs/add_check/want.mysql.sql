-- changes
-- add check chk_users_name on users: `name` <> ''

-- warnings
-- adds check chk_users_name on users (`name` <> ''): the upgrade fails if a row breaks it
-- adding the check chk_users_name to users (the server checks the existing rows by copying the table) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_users_name` CHECK (`name` <> '');

-- downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_name`, ALGORITHM=INPLACE, LOCK=NONE;

