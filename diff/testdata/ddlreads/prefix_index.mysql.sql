-- Index key parts with prefix lengths, as GORM (length:N) and retort's
-- autogenerate write them: on text, blob, varchar and varbinary columns,
-- unique and not, alone and mixed with whole columns, in CREATE TABLE,
-- CREATE INDEX and ALTER TABLE ADD INDEX / ADD UNIQUE.
CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(180) NULL, `pass` longblob NULL, `oidc_id` text NULL, PRIMARY KEY (`id`), UNIQUE INDEX `uix_users_name` (`name`), UNIQUE INDEX `uix_users_oidc_id` (`oidc_id` (512))) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `applications` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `token` varchar(180) NULL, `user_id` bigint unsigned NULL, `name` text NULL, `sort_key` longblob NULL, PRIMARY KEY (`id`), INDEX `idx_applications_user_id` (`user_id`), UNIQUE INDEX `uix_applications_token` (`token`), UNIQUE INDEX `uix_application_user_id_sort_key` (`user_id`, `sort_key` (255))) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `applications` ADD CONSTRAINT `fk_users_applications` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;
CREATE TABLE `docs` (`id` bigint NOT NULL AUTO_INCREMENT, `title` varchar(100) NOT NULL, `slug` varchar(40) NOT NULL, `body` mediumtext NULL, `summary` tinytext NULL, `digest` varbinary(64) NULL, `raw` blob NULL, `code` char(8) NULL, PRIMARY KEY (`id`), KEY `idx_docs_title` (`title`(10)), KEY `idx_docs_slug_full` (`slug`(40)), INDEX `idx_docs_body` (`body`(255), `title`)) CHARSET utf8mb4;
CREATE INDEX `idx_docs_summary` ON `docs` (`summary`(50));
CREATE UNIQUE INDEX `uix_docs_digest` ON `docs` (`digest` (16), `code`);
ALTER TABLE `docs` ADD INDEX `idx_docs_raw` (`raw`(100)), ADD UNIQUE INDEX `uix_docs_code_title` (`code`, `title`(20)), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `docs` ADD KEY `idx_docs_long` (`body`(1000)), ADD UNIQUE KEY `uix_docs_body` (`body`(2000));
ALTER TABLE `docs` DROP INDEX `idx_docs_title`;
