-- changes
-- add column users.prefs json

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` ADD COLUMN `prefs` json NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `prefs`, ALGORITHM=INSTANT;

