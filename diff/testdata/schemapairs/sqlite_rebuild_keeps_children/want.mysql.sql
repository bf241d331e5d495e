-- changes
-- add check chk_users_score on users: `score` >= 0
-- add column users.score int NOT NULL DEFAULT 0

-- warnings
-- adds check chk_users_score on users (`score` >= 0): the upgrade fails if a row breaks it
-- adding the check chk_users_score to users (the server checks the existing rows by copying the table) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_users_score` CHECK (`score` >= 0), ADD COLUMN `score` int NOT NULL DEFAULT 0;

-- downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_score`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` DROP COLUMN `score`, ALGORITHM=INSTANT;

