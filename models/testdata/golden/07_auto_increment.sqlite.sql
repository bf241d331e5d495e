CREATE TABLE `counters` (`id` integer NULL, `value` integer NULL, PRIMARY KEY (`id`));
CREATE TABLE `log_entries` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `message` text NULL);
CREATE TABLE `shards` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `tickets` (`number` integer NULL PRIMARY KEY AUTOINCREMENT, `subject` text NULL);
