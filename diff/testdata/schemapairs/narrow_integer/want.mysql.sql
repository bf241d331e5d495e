-- changes
-- modify column counters.hits: type bigint → int

-- warnings
-- changes column counters.hits from bigint to int: large values are rejected
-- changing the type of column counters.hits from bigint to int copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int NOT NULL;

-- downgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` bigint NOT NULL;

