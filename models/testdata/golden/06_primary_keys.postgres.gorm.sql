CREATE TABLE "api_tokens" ("id" character varying(36) NOT NULL, "label" text NULL, "created_at" timestamptz NULL, PRIMARY KEY ("id"));
CREATE TABLE "countries" ("code" character varying(2) NOT NULL, "name" character varying(100) NOT NULL, PRIMARY KEY ("code"));
CREATE TABLE "invoices" ("year" bigint NOT NULL, "number" bigint NOT NULL, "total" numeric NULL, PRIMARY KEY ("year", "number"));
CREATE TABLE "memberships" ("user_id" bigint NOT NULL, "group_id" bigint NOT NULL, "role" character varying(20) NULL, "joined_at" timestamptz NULL, PRIMARY KEY ("user_id", "group_id"));
