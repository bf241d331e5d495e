CREATE TABLE `articles` (`slug` text NULL, `email` text NULL, `topic` text NULL, `lang` text NULL DEFAULT 'en', `views` integer NULL, `shares` integer NULL, `likes` integer NULL, `score` real NULL, `weight` real NULL, `title` text NULL, `pinned` numeric NULL, `published` time NULL, `digest` blob NULL, PRIMARY KEY (`slug`));
CREATE INDEX `idx_articles_topic` ON `articles` (`topic`);
CREATE UNIQUE INDEX `articles_email` ON `articles` (`email`);
