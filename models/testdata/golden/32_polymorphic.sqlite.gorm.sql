CREATE TABLE `cats` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `dogs` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `pictures` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `url` text NULL, `imageable_id` integer NULL, `imageable_type` text NULL);
CREATE TABLE `toys` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `owner_id` integer NULL, `owner_type` text NULL);
