CREATE TABLE `products` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `sku_code` text NULL, `LegacyName` text NULL, `ext_ref` text NULL, `stock` integer NULL, `archive_deleted_at` datetime NULL, `archive_note` text NULL, `review_deleted_at` datetime NULL, `review_note` text NULL, CONSTRAINT `chk_products_stock` CHECK (stock >= 0));
CREATE INDEX `idx_products_deleted_at` ON `products` (`archive_deleted_at`, `review_deleted_at`);
CREATE UNIQUE INDEX `idx_products_legacy` ON `products` (`LegacyName`);
CREATE INDEX `idx_products_sku` ON `products` (`sku_code`);
CREATE UNIQUE INDEX `products_ext_ref` ON `products` (`ext_ref`);
