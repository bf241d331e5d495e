-- Column and table comments, as GORM's comment: tag and retort's
-- autogenerate write them: among the column's other clauses, with
-- doubled quotes, non-ASCII text, empty; table comments in CREATE TABLE
-- and set, changed and cleared by ALTER TABLE.
CREATE TABLE `sys_users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT COMMENT '用户ID', `nick_name` varchar(191) NULL DEFAULT '系统用户' COMMENT '用户昵称', `phone` longtext NULL COMMENT 'the user''s phone', `email` longtext COMMENT '' NULL, `enable` bigint COMMENT 'frozen: 1 yes, 2 no' NOT NULL DEFAULT 1, `emoji` text NULL COMMENT 'smile 😀', PRIMARY KEY (`id`), INDEX `idx_sys_users_enable` (`enable`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci COMMENT '系统用户表';
CREATE TABLE `sys_apis` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `path` varchar(191) NULL COMMENT 'api路径', PRIMARY KEY (`id`)) COMMENT = 'apis' CHARSET utf8mb4;
CREATE TABLE `logs` (`id` bigint NOT NULL, `msg` text NULL COMMENT 'message', PRIMARY KEY (`id`)) COMMENT '';
ALTER TABLE `sys_apis` COMMENT 'the api table', ALGORITHM=INSTANT;
ALTER TABLE `logs` COMMENT 'log lines';
ALTER TABLE `logs` COMMENT '', ALGORITHM=INSTANT;
ALTER TABLE `sys_users` ADD COLUMN `remark` varchar(255) NULL COMMENT '备注', ALGORITHM=INSTANT;
