-- changes
-- modify column counters.hits: type bigint → int

-- warnings
-- changes column counters.hits from bigint to int: large values are rejected

-- notes

-- upgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int NOT NULL;

-- downgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` bigint NOT NULL;

