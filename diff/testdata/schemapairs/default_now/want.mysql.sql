-- changes
-- modify column events.at: default none → (current_timestamp())

-- warnings

-- notes

-- upgrade
ALTER TABLE `events` MODIFY COLUMN `at` timestamp NULL DEFAULT (current_timestamp()), ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `events` MODIFY COLUMN `at` timestamp NULL, ALGORITHM=INSTANT;

