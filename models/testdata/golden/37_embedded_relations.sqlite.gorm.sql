CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `documents` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL, `owner_id` integer NULL, `home_street` text NULL, `home_geo_lat` real NULL, `home_geo_lng` real NULL, CONSTRAINT `fk_documents_owner` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE INDEX `idx_documents_owner_id` ON `documents` (`owner_id`);
