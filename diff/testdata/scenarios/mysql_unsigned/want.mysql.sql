-- changes
-- modify column counters.hits: type int → int unsigned

-- warnings
-- changes column counters.hits from int to int unsigned: values outside the new signed/unsigned range are rejected

-- notes

-- upgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int unsigned NOT NULL;

-- downgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int NOT NULL;

