CREATE TABLE "heartbeats" ("id" bigserial NOT NULL, "created_at" bigint NULL, "updated_at" bigint NULL, PRIMARY KEY ("id"));
CREATE TABLE "shipments" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "picked_up" bigint NULL, "last_scanned" bigint NULL, "touched" bigint NULL, "registered" timestamptz NULL, "checked" timestamptz NULL, PRIMARY KEY ("id"));
