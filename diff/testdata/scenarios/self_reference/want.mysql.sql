-- changes
-- add column nodes.parent_id int
-- add index fk_nodes_parent on nodes (parent_id)
-- add foreign key fk_nodes_parent on nodes (parent_id) references nodes (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- warnings

-- notes

-- upgrade
ALTER TABLE `nodes` ADD COLUMN `parent_id` int NULL, ADD INDEX `fk_nodes_parent` (`parent_id`);
ALTER TABLE `nodes` ADD CONSTRAINT `fk_nodes_parent` FOREIGN KEY (`parent_id`) REFERENCES `nodes` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `nodes` DROP FOREIGN KEY `fk_nodes_parent`;
ALTER TABLE `nodes` DROP COLUMN `parent_id`;

