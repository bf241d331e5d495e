-- changes
-- add column nodes.parent_id int
-- add index fk_nodes_parent on nodes (parent_id)
-- add foreign key fk_nodes_parent on nodes (parent_id) references nodes (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- warnings

-- notes

-- upgrade
ALTER TABLE `nodes` ADD COLUMN `parent_id` int NULL, ALGORITHM=INSTANT;
ALTER TABLE `nodes` ADD INDEX `fk_nodes_parent` (`parent_id`), ALGORITHM=INPLACE, LOCK=NONE;
DROP PROCEDURE IF EXISTS `retort_verify_fk_nodes_parent`;
CREATE PROCEDURE `retort_verify_fk_nodes_parent`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `nodes` c WHERE c.`parent_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `nodes` p WHERE p.`id` = c.`parent_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_nodes_parent: rows of nodes have no match in nodes; fix them and run retort upgrade again';
  END IF;
END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `nodes` ADD CONSTRAINT `fk_nodes_parent` FOREIGN KEY (`parent_id`) REFERENCES `nodes` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_nodes_parent`();
DROP PROCEDURE `retort_verify_fk_nodes_parent`;

-- downgrade
ALTER TABLE `nodes` DROP FOREIGN KEY `fk_nodes_parent`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `nodes` DROP INDEX `fk_nodes_parent`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `nodes` DROP COLUMN `parent_id`, ALGORITHM=INSTANT;

