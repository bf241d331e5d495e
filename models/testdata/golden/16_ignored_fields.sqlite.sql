CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `revision` integer NULL, `created_by` text NULL, `nickname` text NULL);
