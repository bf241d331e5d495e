-- changes
-- add column users.age int NOT NULL

-- warnings
-- adds column users.age NOT NULL without a default: the upgrade fails if users has rows

-- notes

-- upgrade
ALTER TABLE `users` ADD COLUMN `age` int NOT NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `age`, ALGORITHM=INSTANT;

