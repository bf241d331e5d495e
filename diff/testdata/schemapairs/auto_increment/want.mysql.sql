-- changes
-- modify column items.id: AUTO_INCREMENT added

-- warnings
-- changing column items.id copies table items with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `items` MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `items` MODIFY COLUMN `id` int NOT NULL;

