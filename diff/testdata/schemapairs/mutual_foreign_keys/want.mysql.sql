-- changes
-- add table a (id int NOT NULL, b_id int)
-- add table b (id int NOT NULL, a_id int)

-- warnings

-- notes

-- upgrade
CREATE TABLE `a` (`id` int NOT NULL, `b_id` int NULL, PRIMARY KEY (`id`), INDEX `fk_a_b` (`b_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `b` (`id` int NOT NULL, `a_id` int NULL, PRIMARY KEY (`id`), INDEX `fk_b_a` (`a_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `a` ADD CONSTRAINT `fk_a_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;
ALTER TABLE `b` ADD CONSTRAINT `fk_b_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `a` DROP FOREIGN KEY `fk_a_b`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `b` DROP FOREIGN KEY `fk_b_a`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `a`;
DROP TABLE `b`;

