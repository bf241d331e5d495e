-- changes
-- modify column boxes.area: generated expression

-- warnings

-- notes

-- upgrade
ALTER TABLE `boxes` MODIFY COLUMN `area` int AS (`w` * `h` * 2) STORED;

-- downgrade
ALTER TABLE `boxes` MODIFY COLUMN `area` int AS (`w` * `h`) STORED;

