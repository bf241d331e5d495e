-- 001_add_table_to_empty_database
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
-- Downgrade WARNING: drops table users: all its rows are lost
--
-- Changes:
--   add table posts (id bigint unsigned NOT NULL, title varchar(200) NOT NULL, user_id bigint unsigned NOT NULL)
--   add table users (id bigint unsigned NOT NULL, created_at datetime(3), updated_at datetime(3), deleted_at datetime(3), email varchar(255) NOT NULL, name varchar(100))

-- +retort Upgrade
CREATE TABLE `posts` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `title` varchar(200) NOT NULL, `user_id` bigint unsigned NOT NULL, PRIMARY KEY (`id`), INDEX `fk_posts_user` (`user_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `created_at` datetime(3) NULL, `updated_at` datetime(3) NULL, `deleted_at` datetime(3) NULL, `email` varchar(255) NOT NULL, `name` varchar(100) NULL, PRIMARY KEY (`id`), INDEX `idx_users_deleted_at` (`deleted_at`), UNIQUE INDEX `idx_users_email` (`email`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `posts` ADD CONSTRAINT `fk_posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- +retort Downgrade
ALTER TABLE `posts` DROP FOREIGN KEY `fk_posts_user`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `posts`;
DROP TABLE `users`;
