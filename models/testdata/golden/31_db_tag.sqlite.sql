CREATE TABLE `contacts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `email_address` text NULL, `phone_number` text NULL);
