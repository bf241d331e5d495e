-- changes
-- drop table users
-- add table members (id integer NOT NULL, name character varying(100) NOT NULL)

-- warnings
-- drops table users: all its rows are lost
-- table users is dropped and table members added with the same columns: if it is a rename, run again with --rename users=members, or write // retort:renamed_from users above the model's struct

-- notes

-- upgrade
CREATE TABLE "members" ("id" integer NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"));
DROP TABLE "users";

-- downgrade
CREATE TABLE "users" ("id" integer NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("id"));
DROP TABLE "members";

