CREATE TABLE "users" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "revision" bigint NULL, "created_by" text NULL, "nickname" text NULL, PRIMARY KEY ("id"));
