-- 001_add_table_to_empty_database
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
-- Downgrade WARNING: drops table users: all its rows are lost
--
-- Changes:
--   add table posts (id integer NOT NULL, title text NOT NULL, user_id integer NOT NULL)
--   add table users (id integer NOT NULL, created_at datetime, updated_at datetime, deleted_at datetime, email text NOT NULL, name text)

-- +retort Upgrade
CREATE TABLE `posts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` text NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `fk_posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `deleted_at` datetime NULL, `email` text NOT NULL, `name` text NULL);
CREATE INDEX `idx_users_deleted_at` ON `users` (`deleted_at`);
CREATE UNIQUE INDEX `idx_users_email` ON `users` (`email`);

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `posts`;
DROP TABLE `users`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('posts', 'users') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('posts', 'users')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
