-- changes
-- modify column items.id: AUTO_INCREMENT added

-- warnings

-- notes

-- upgrade
ALTER TABLE `items` MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `items` MODIFY COLUMN `id` int NOT NULL;

