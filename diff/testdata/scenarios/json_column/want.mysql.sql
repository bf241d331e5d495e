-- changes
-- add column users.prefs json

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` ADD COLUMN `prefs` json NULL;

-- downgrade
ALTER TABLE `users` DROP COLUMN `prefs`;

