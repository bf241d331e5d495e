CREATE TABLE "group" ("id" bigserial NOT NULL, "order" bigint NULL, "user" character varying(64) NULL, "primary" boolean NULL, PRIMARY KEY ("id"));
CREATE TABLE "key" ("id" bigserial NOT NULL, "value" text NULL, "values" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "user" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "key" character varying(64) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_user_key" ON "user" ("key");
CREATE TABLE "select" ("id" bigserial NOT NULL, "where" text NULL, "having" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "order" ("id" bigserial NOT NULL, "user_id" bigint NULL, "select" boolean NULL, "group" character varying(32) NULL, "desc" text NULL, "from" timestamptz NULL, "to" timestamptz NULL, "limit" bigint NULL, "default" character varying(20) NULL DEFAULT 'default', "table" text NULL, "column" text NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_order_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE INDEX "idx_order_group" ON "order" ("group");
CREATE INDEX "idx_order_user_id" ON "order" ("user_id");
