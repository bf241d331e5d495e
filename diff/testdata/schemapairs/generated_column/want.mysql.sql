-- changes
-- add column boxes.area int GENERATED AS (`w` * `h`)

-- warnings
-- adding the stored generated column boxes.area copies table boxes with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `boxes` ADD COLUMN `area` int AS (`w` * `h`) STORED;

-- downgrade
ALTER TABLE `boxes` DROP COLUMN `area`, ALGORITHM=INSTANT;

