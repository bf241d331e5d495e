-- USING BTREE and USING HASH, before or after an index's columns, as
-- autogenerate writes a MariaDB unique key too long for a B-tree (GORM's
-- casbin rule: seven varchar(512) columns) and as people write them;
-- InnoDB builds a B-tree for a key that is not unique. (A short unique
-- key USING HASH is the server's choice and falls back.)
CREATE TABLE `sys_casbin_rule` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `ptype` varchar(512) NULL, `v0` varchar(512) NULL, `v1` varchar(512) NULL, `v2` varchar(512) NULL, `v3` varchar(512) NULL, `v4` varchar(512) NULL, `v5` varchar(512) NULL, PRIMARY KEY (`id`), UNIQUE INDEX `unique_index` USING HASH (`ptype`, `v0`, `v1`, `v2`, `v3`, `v4`, `v5`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `tags` (`id` bigint NOT NULL, `name` varchar(100) NOT NULL, `slug` varchar(100) NOT NULL, `body` text NULL, `blob` longblob NULL, PRIMARY KEY (`id`), INDEX `idx_tags_name` USING BTREE (`name`), KEY `idx_tags_slug` (`slug`) USING HASH, UNIQUE KEY `uix_tags_body` (`body`) USING HASH) CHARSET utf8mb4;
CREATE INDEX `idx_tags_name_slug` USING BTREE ON `tags` (`name`, `slug`(10));
CREATE UNIQUE INDEX `uix_tags_blob` ON `tags` (`blob`) USING HASH;
CREATE INDEX `idx_tags_slug_name` ON `tags` (`slug`, `name`) USING HASH;
ALTER TABLE `tags` ADD INDEX `idx_tags_body` USING BTREE (`body`(50)), ADD UNIQUE INDEX `uix_tags_name` (`name`) USING BTREE;
CREATE TABLE `plain` (`id` bigint NOT NULL, `email` varchar(191) NOT NULL, `code` varbinary(700) NULL, PRIMARY KEY (`id`), UNIQUE INDEX `uix_plain_email` USING BTREE (`email`), UNIQUE INDEX `uix_plain_code` (`code`)) CHARSET utf8mb4;
ALTER TABLE `plain` ADD COLUMN `note` text NULL, ALGORITHM=INSTANT;
ALTER TABLE `plain` ADD INDEX `idx_plain_note` (`note`(100)) USING HASH, ALGORITHM=INPLACE, LOCK=NONE;
