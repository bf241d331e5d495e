-- 078_drop_many2many
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops table user_groups: all its rows are lost
--
-- Changes:
--   drop table user_groups

-- +retort Upgrade
ALTER TABLE `user_groups` DROP FOREIGN KEY `fk_user_groups_group`, DROP FOREIGN KEY `fk_user_groups_user`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `user_groups`;

-- +retort Downgrade
CREATE TABLE `user_groups` (`user_id` bigint unsigned NOT NULL, `group_id` bigint unsigned NOT NULL, PRIMARY KEY (`user_id`, `group_id`), INDEX `fk_user_groups_group` (`group_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `user_groups` ADD CONSTRAINT `fk_user_groups_group` FOREIGN KEY (`group_id`) REFERENCES `groups` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ADD CONSTRAINT `fk_user_groups_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;
