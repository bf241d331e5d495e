CREATE TABLE `bookings` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `room_id` integer NULL, `slot` datetime NULL, `guest_email` text NULL, `ref` text NULL, `floor` integer NULL, `wing` text NULL);
CREATE UNIQUE INDEX `idx_bookings_guest_email` ON `bookings` (`guest_email`);
CREATE INDEX `idx_bookings_ref` ON `bookings` (`ref`);
CREATE INDEX `idx_bookings_room_id` ON `bookings` (`room_id`);
CREATE INDEX `idx_floor_desc` ON `bookings` (`wing`, `floor` DESC);
CREATE UNIQUE INDEX `idx_room_slot` ON `bookings` (`room_id`, `slot`);
CREATE INDEX `idx_slot_guest` ON `bookings` (`guest_email`, `slot`);
CREATE UNIQUE INDEX `bookings_ref` ON `bookings` (`ref`);
