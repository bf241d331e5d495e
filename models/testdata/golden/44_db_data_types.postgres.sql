CREATE TABLE "events" ("id" bigserial NOT NULL, "public_id" uuid NULL, "payload" jsonb NULL, "extra" jsonb NULL, "day" date NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_events_public_id" ON "events" ("public_id");
