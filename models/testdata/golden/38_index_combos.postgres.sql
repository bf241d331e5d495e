CREATE TABLE "bookings" ("id" bigserial NOT NULL, "room_id" bigint NULL, "slot" timestamptz NULL, "guest_email" character varying(191) NULL, "ref" character varying(32) NULL, "floor" bigint NULL, "wing" character varying(4) NULL, PRIMARY KEY ("id"), CONSTRAINT "uni_bookings_ref" UNIQUE ("ref"));
CREATE UNIQUE INDEX "idx_room_slot" ON "bookings" ("room_id", "slot");
CREATE INDEX "idx_bookings_room_id" ON "bookings" ("room_id");
CREATE INDEX "idx_slot_guest" ON "bookings" ("guest_email", "slot");
CREATE UNIQUE INDEX "idx_bookings_guest_email" ON "bookings" ("guest_email");
CREATE INDEX "idx_bookings_ref" ON "bookings" ("ref");
CREATE INDEX "idx_floor_desc" ON "bookings" ("wing", "floor" DESC);
