CREATE TABLE `heartbeats` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` integer NULL, `updated_at` integer NULL);
CREATE TABLE `shipments` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `picked_up` integer NULL, `last_scanned` integer NULL, `touched` integer NULL, `registered` datetime NULL, `checked` datetime NULL);
