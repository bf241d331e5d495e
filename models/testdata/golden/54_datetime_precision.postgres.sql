CREATE TABLE "meetings" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "deleted_at" timestamptz NULL, "starts_at" timestamptz NULL, "ends_at" timestamptz NULL, "stamped" timestamptz(2) NULL, "noted" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY ("id"));
CREATE INDEX "idx_meetings_deleted_at" ON "meetings" ("deleted_at");
