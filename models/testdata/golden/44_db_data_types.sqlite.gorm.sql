CREATE TABLE `events` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `public_id` text NULL, `payload` json NULL, `extra` json NULL, `day` date NULL);
CREATE UNIQUE INDEX `idx_events_public_id` ON `events` (`public_id`);
