CREATE TABLE `authors` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `code` text NULL);
CREATE UNIQUE INDEX `idx_authors_code` ON `authors` (`code`);
CREATE TABLE `articles` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL, `writer_id` integer NULL, CONSTRAINT `fk_authors_articles` FOREIGN KEY (`writer_id`) REFERENCES `authors` (`id`));
CREATE TABLE `books` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL, `author_id` integer NULL, CONSTRAINT `fk_authors_books` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`));
CREATE TABLE `reviews` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `author_code` text NULL, `stars` integer NULL, CONSTRAINT `fk_authors_reviews` FOREIGN KEY (`author_code`) REFERENCES `authors` (`code`) ON UPDATE CASCADE ON DELETE CASCADE);
