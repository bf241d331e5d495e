CREATE TABLE `accounts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` text NULL, `username` text NULL, `phone` text NULL, `tenant_id` integer NULL, `slug` text NULL, `referral` text NOT NULL);
CREATE UNIQUE INDEX `idx_accounts_username` ON `accounts` (`username`);
CREATE UNIQUE INDEX `idx_tenant_slug` ON `accounts` (`tenant_id`, `slug`);
CREATE UNIQUE INDEX `accounts_email` ON `accounts` (`email`);
CREATE UNIQUE INDEX `accounts_referral` ON `accounts` (`referral`);
CREATE UNIQUE INDEX `ux_accounts_phone` ON `accounts` (`phone`);
