CREATE TABLE "counters" ("id" bigint NOT NULL, "value" bigint NULL, PRIMARY KEY ("id"));
CREATE TABLE "log_entries" ("id" bigserial NOT NULL, "message" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "shards" ("id" serial NOT NULL, "name" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "tickets" ("number" bigserial NOT NULL, "subject" character varying(200) NULL, PRIMARY KEY ("number"));
