-- 001_add_table_to_empty_database
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table posts: all its rows are lost
-- Downgrade WARNING: drops table users: all its rows are lost
--
-- Changes:
--   add table posts (id bigserial NOT NULL, title character varying(200) NOT NULL, user_id bigint NOT NULL)
--   add table users (id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz, email character varying(255) NOT NULL, name character varying(100))

-- +retort Upgrade
CREATE TABLE "posts" ("id" bigserial NOT NULL, "title" character varying(200) NOT NULL, "user_id" bigint NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE "users" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "deleted_at" timestamptz NULL, "email" character varying(255) NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at");
CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email");
ALTER TABLE "posts" ADD CONSTRAINT "fk_posts_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;

-- +retort Downgrade
ALTER TABLE "posts" DROP CONSTRAINT "fk_posts_user";
DROP TABLE "posts";
DROP TABLE "users";
