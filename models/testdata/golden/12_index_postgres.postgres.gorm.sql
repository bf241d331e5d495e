CREATE TABLE "events" ("id" bigserial NOT NULL, "trace_id" character varying(64) NULL, "labels" jsonb NULL, "kind" character varying(32) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_events_kind" ON "events" ("kind");
CREATE INDEX "idx_events_labels" ON "events" USING gin ("labels");
CREATE INDEX "idx_events_trace_id" ON "events" USING hash ("trace_id");
