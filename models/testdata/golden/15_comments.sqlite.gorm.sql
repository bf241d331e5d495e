CREATE TABLE `plans` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `price` real NULL, `internal` text NULL);
