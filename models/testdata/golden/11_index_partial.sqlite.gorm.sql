CREATE TABLE `customers` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` text NULL, `deleted_at` datetime NULL);
CREATE INDEX `idx_customers_deleted_at` ON `customers` (`deleted_at`);
CREATE UNIQUE INDEX `idx_customers_email_live` ON `customers` (`email`) WHERE deleted_at IS NULL;
CREATE TABLE `jobs` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `queue` text NULL, `run_at` datetime NULL, `finished_at` datetime NULL);
CREATE INDEX `idx_jobs_pending` ON `jobs` (`queue`, `run_at`) WHERE finished_at IS NULL;
