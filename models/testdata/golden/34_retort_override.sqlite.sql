CREATE TABLE `invoices` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `amount` real NULL, `note` text NULL, `reference` text NOT NULL, `status` text NULL DEFAULT 'draft');
