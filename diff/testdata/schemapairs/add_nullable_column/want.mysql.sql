-- changes
-- add column users.bio text

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` ADD COLUMN `bio` text NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `bio`, ALGORITHM=INSTANT;

