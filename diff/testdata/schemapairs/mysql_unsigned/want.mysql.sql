-- changes
-- modify column counters.hits: type int → int unsigned

-- warnings
-- changes column counters.hits from int to int unsigned: values outside the new signed/unsigned range are rejected
-- changing the type of column counters.hits from int to int unsigned copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int unsigned NOT NULL;

-- downgrade
ALTER TABLE `counters` MODIFY COLUMN `hits` int NOT NULL;

