-- 002_add_table_next_to_one
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
--
-- Changes:
--   add table posts (id bigserial NOT NULL, title character varying(200) NOT NULL, user_id bigint NOT NULL)

-- +retort Upgrade
CREATE TABLE "posts" ("id" bigserial NOT NULL, "title" character varying(200) NOT NULL, "user_id" bigint NOT NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_posts_user_id" ON "posts" ("user_id");
ALTER TABLE "posts" ADD CONSTRAINT "fk_posts_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;

-- +retort Downgrade
ALTER TABLE "posts" DROP CONSTRAINT "fk_posts_user";
DROP TABLE "posts";
