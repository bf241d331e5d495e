-- 058_possible_table_rename
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops table users: all its rows are lost
-- WARNING: table users is dropped and table members added with the same columns: if it is a rename, run again with --rename users=members, or write // retort:renamed_from users above the model's struct
-- Downgrade WARNING: drops table members: all its rows are lost
--
-- Changes:
--   drop table users
--   add table members (id bigserial NOT NULL, name character varying(100) NOT NULL)

-- +retort Upgrade
CREATE TABLE "members" ("id" bigserial NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"));
DROP TABLE "users";

-- +retort Downgrade
CREATE TABLE "users" ("id" bigserial NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"));
DROP TABLE "members";
