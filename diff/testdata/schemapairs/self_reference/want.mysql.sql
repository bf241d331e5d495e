-- changes
-- add column nodes.parent_id int
-- add index fk_nodes_parent on nodes (parent_id)
-- add foreign key fk_nodes_parent on nodes (parent_id) references nodes (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- warnings
-- adding the foreign key fk_nodes_parent to nodes (InnoDB checks the existing rows by copying the table) copies table nodes with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `nodes` ADD COLUMN `parent_id` int NULL, ALGORITHM=INSTANT;
ALTER TABLE `nodes` ADD INDEX `fk_nodes_parent` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `nodes` ADD CONSTRAINT `fk_nodes_parent` FOREIGN KEY (`parent_id`) REFERENCES `nodes` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `nodes` DROP FOREIGN KEY `fk_nodes_parent`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `nodes` DROP INDEX `fk_nodes_parent`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `nodes` DROP COLUMN `parent_id`, ALGORITHM=INSTANT;

