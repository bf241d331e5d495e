CREATE TABLE `meetings` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `deleted_at` datetime NULL, `starts_at` datetime NULL, `ends_at` datetime NULL, `stamped` datetime NULL, `noted` datetime NOT NULL DEFAULT (CURRENT_TIMESTAMP));
CREATE INDEX `idx_meetings_deleted_at` ON `meetings` (`deleted_at`);
