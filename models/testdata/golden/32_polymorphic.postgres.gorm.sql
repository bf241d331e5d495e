CREATE TABLE "cats" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE TABLE "dogs" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE TABLE "pictures" ("id" bigserial NOT NULL, "url" text NULL, "imageable_id" bigint NULL, "imageable_type" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "toys" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "owner_id" bigint NULL, "owner_type" character varying(32) NULL, PRIMARY KEY ("id"));
