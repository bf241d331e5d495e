CREATE TABLE `user_settings` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `prefs` text NULL, `tags` text NULL, `extra` text NULL, `snapshot` text NULL, `seen_at` time NULL);
