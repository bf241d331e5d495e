CREATE TABLE `subscribers` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` text NULL, `handle` text NULL, `list_name` text NULL);
CREATE UNIQUE INDEX `idx_handle_list` ON `subscribers` (`handle`, `list_name`);
CREATE UNIQUE INDEX `idx_subscribers_email` ON `subscribers` (`email`);
