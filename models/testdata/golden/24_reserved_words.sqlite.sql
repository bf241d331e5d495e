CREATE TABLE `group` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `order` integer NULL, `user` text NULL, `primary` numeric NULL);
CREATE TABLE `key` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `value` text NULL, `values` text NULL);
CREATE TABLE `user` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `key` text NULL);
CREATE UNIQUE INDEX `idx_user_key` ON `user` (`key`);
CREATE TABLE `order` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `select` numeric NULL, `group` text NULL, `desc` text NULL, `from` datetime NULL, `to` datetime NULL, `limit` integer NULL, `default` text NULL DEFAULT 'default', `table` text NULL, `column` text NULL, CONSTRAINT `fk_order_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`));
CREATE INDEX `idx_order_user_id` ON `order` (`user_id`);
CREATE INDEX `idx_order_group` ON `order` (`group`);
CREATE TABLE `select` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `where` text NULL, `having` text NULL);
