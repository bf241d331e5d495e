-- changes
-- modify column boxes.area: generated expression

-- warnings
-- changing column boxes.area copies table boxes with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `boxes` MODIFY COLUMN `area` int AS (`w` * `h` * 2) STORED;

-- downgrade
ALTER TABLE `boxes` MODIFY COLUMN `area` int AS (`w` * `h`) STORED;

