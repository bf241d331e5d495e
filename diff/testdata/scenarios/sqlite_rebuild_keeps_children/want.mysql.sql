-- changes
-- add check chk_users_score on users: `score` >= 0
-- add column users.score int NOT NULL DEFAULT 0

-- warnings
-- adds check chk_users_score on users (`score` >= 0): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE `users` ADD CONSTRAINT `chk_users_score` CHECK (`score` >= 0), ADD COLUMN `score` int NOT NULL DEFAULT 0;

-- downgrade
ALTER TABLE `users` DROP CONSTRAINT `chk_users_score`;
ALTER TABLE `users` DROP COLUMN `score`;

