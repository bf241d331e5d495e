-- changes
-- modify column settings.level: default 1 → 5
-- modify column settings.label: default 'a' → none

-- warnings

-- notes

-- upgrade
ALTER TABLE `settings` MODIFY COLUMN `level` int NOT NULL DEFAULT 5, MODIFY COLUMN `label` varchar(20) NOT NULL, ALGORITHM=INSTANT;

-- downgrade
ALTER TABLE `settings` MODIFY COLUMN `level` int NOT NULL DEFAULT 1, MODIFY COLUMN `label` varchar(20) NOT NULL DEFAULT 'a', ALGORITHM=INSTANT;

