-- MODIFY COLUMN as autogenerate writes it when a GORM field's size, type,
-- nullability, default or comment changes: the column is made again in
-- its place, whatever it was; several in one statement, after other
-- clauses; with the online options where the server runs them (INPLACE
-- keeping the type, INSTANT changing only the default).
CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `age` int NOT NULL DEFAULT 0, `bio` text NULL COMMENT 'about', `score` decimal(10,2) NULL, `flag` bool NULL DEFAULT 1, `code` char(8) NULL, `email` varchar(191) NULL, `state` varchar(20) NOT NULL DEFAULT 'new', PRIMARY KEY (`id`), UNIQUE INDEX `uix_users_email` (`email`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(191) NOT NULL DEFAULT '';
ALTER TABLE `users` MODIFY COLUMN `age` bigint NULL COMMENT 'in years', MODIFY COLUMN `bio` longtext NULL;
ALTER TABLE `users` MODIFY `score` decimal(12,4) NOT NULL DEFAULT 0.5;
ALTER TABLE `users` ADD COLUMN `nick` varchar(50) NULL, MODIFY COLUMN `flag` tinyint NULL DEFAULT 0;
ALTER TABLE `users` MODIFY COLUMN `code` varchar(8) NULL COMMENT '', MODIFY COLUMN `nick` text NULL;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(191) NULL COMMENT 'the full name', MODIFY COLUMN `age` bigint NOT NULL DEFAULT 18, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` MODIFY COLUMN `state` varchar(20) NOT NULL DEFAULT 'open', MODIFY COLUMN `code` varchar(8) NULL DEFAULT 'x', ALGORITHM=INSTANT;
ALTER TABLE `users` ADD INDEX `idx_users_nick` (`nick`(20));
CREATE TABLE `clients` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `token` varchar(180) NULL, `user_id` bigint unsigned NULL, `name` text NULL, PRIMARY KEY (`id`), INDEX `idx_clients_user_id` (`user_id`), UNIQUE INDEX `uix_clients_token` (`token`), INDEX `idx_clients_name` (`name`(40))) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `clients` ADD CONSTRAINT `fk_users_clients` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;
ALTER TABLE `clients` MODIFY COLUMN `user_id` bigint unsigned NULL COMMENT 'owner', ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `clients` MODIFY COLUMN `token` varchar(180) NOT NULL DEFAULT '', MODIFY COLUMN `name` text NULL COMMENT 'shown', ALGORITHM=INPLACE, LOCK=NONE;
