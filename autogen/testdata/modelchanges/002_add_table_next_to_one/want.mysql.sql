-- 002_add_table_next_to_one
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
--
-- Changes:
--   add table posts (id bigint unsigned NOT NULL, title varchar(200) NOT NULL, user_id bigint unsigned NOT NULL)

-- +retort Upgrade
CREATE TABLE `posts` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `title` varchar(200) NOT NULL, `user_id` bigint unsigned NOT NULL, PRIMARY KEY (`id`), INDEX `idx_posts_user_id` (`user_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `posts` ADD CONSTRAINT `fk_posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE;

-- +retort Downgrade
ALTER TABLE `posts` DROP FOREIGN KEY `fk_posts_user`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `posts`;
