-- 044_add_many2many
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table user_groups: all its rows are lost
--
-- Changes:
--   add table user_groups (user_id bigint NOT NULL, group_id bigint NOT NULL)

-- +retort Upgrade
CREATE TABLE "user_groups" ("user_id" bigint NOT NULL, "group_id" bigint NOT NULL, PRIMARY KEY ("user_id", "group_id"));
ALTER TABLE "user_groups" ADD CONSTRAINT "fk_user_groups_group" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "fk_user_groups_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;

-- +retort Downgrade
ALTER TABLE "user_groups" DROP CONSTRAINT "fk_user_groups_group", DROP CONSTRAINT "fk_user_groups_user";
DROP TABLE "user_groups";
