CREATE TABLE `customers` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `invoices` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `version` integer NULL DEFAULT 1, `issued_on` datetime NULL, `due_on` datetime NULL, `amount` text NULL, `tax` decimal NULL, `discount` text NULL, `LegacyRef` text NULL, `customer_id` integer NULL, `payer_id` integer NULL);
CREATE INDEX `idx_invoices_created_at` ON `invoices` (`created_at`);
