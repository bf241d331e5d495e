CREATE TABLE `posts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL, `author_id` integer NULL, `created_at` datetime NULL, `status` text NULL, `published_at` datetime NULL, `score` integer NULL, `lang` text NULL, `region` text NULL);
CREATE INDEX `idx_posts_title` ON `posts` (`title`);
CREATE INDEX `idx_author_created` ON `posts` (`created_at`, `author_id`);
CREATE INDEX `idx_posts_recent` ON `posts` (`created_at` DESC);
CREATE INDEX `idx_status_published` ON `posts` (`status`, `published_at`);
CREATE INDEX `idx_posts_score` ON `posts` (`score` DESC);
CREATE INDEX `idx_posts_locale` ON `posts` (`lang`, `region`);
