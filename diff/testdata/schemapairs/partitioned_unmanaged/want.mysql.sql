-- changes
-- add column users.email varchar(100)

-- warnings

-- notes
-- table measures is partitioned, which retort does not manage: it is left as it is, neither created, changed nor dropped

-- upgrade
ALTER TABLE `users` ADD COLUMN `email` varchar(100) NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `users` DROP COLUMN `email`, ALGORITHM=INSTANT;

