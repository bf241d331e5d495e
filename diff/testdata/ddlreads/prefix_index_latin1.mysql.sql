-- Prefix lengths count characters: the server's longest key depends on the
-- table's charset (a non-unique key over it is cut, a unique one hashed).
CREATE TABLE `notes` (`id` int NOT NULL, `body` text NOT NULL, `tag` varchar(255) NOT NULL, PRIMARY KEY (`id`), INDEX `idx_notes_body` (`body`(3000)), INDEX `idx_notes_tag_body` (`tag`(200), `body`(200))) CHARSET latin1;
CREATE TABLE `cards` (`id` int NOT NULL, `front` text NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `uix_cards_front` (`front`(3000))) CHARSET latin1;
