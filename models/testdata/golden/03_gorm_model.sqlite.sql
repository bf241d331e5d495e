CREATE TABLE `articles` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `deleted_at` datetime NULL, `title` text NOT NULL, `body` text NULL);
CREATE INDEX `idx_articles_deleted_at` ON `articles` (`deleted_at`);
CREATE TABLE `comments` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `deleted_at` datetime NULL, `article_id` integer NULL, `body` text NULL);
CREATE INDEX `idx_comments_deleted_at` ON `comments` (`deleted_at`);
CREATE TABLE `tags` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `deleted_at` datetime NULL);
