-- changes
-- drop unique index uni_users_email on users

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` DROP INDEX `uni_users_email`, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `users` ADD UNIQUE INDEX `uni_users_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;

