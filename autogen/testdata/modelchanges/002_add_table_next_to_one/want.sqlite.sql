-- 002_add_table_next_to_one
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
--
-- Changes:
--   add table posts (id integer NOT NULL, title text NOT NULL, user_id integer NOT NULL)

-- +retort Upgrade
CREATE TABLE `posts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` text NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `fk_posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE);
CREATE INDEX `idx_posts_user_id` ON `posts` (`user_id`);

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `posts`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('posts') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('posts')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
