CREATE TABLE `articles` (`key` text NULL, `title` text NULL, `summary` text NULL, `body` text NULL, `short` text NULL, `huge` text NULL, `lang` text NULL DEFAULT 'en', `author` text NULL, `handle` text NULL, `code` text NOT NULL, `slug` text NULL, `note` text NULL, `checksum` blob NULL, PRIMARY KEY (`key`));
CREATE INDEX `idx_articles_author` ON `articles` (`author`);
CREATE UNIQUE INDEX `articles_handle` ON `articles` (`handle`);
