-- changes
-- modify column posts.body: type text → varchar(200)

-- warnings
-- changes column posts.body from text to varchar(200): text values longer than the new size are cut or rejected

-- notes

-- upgrade
ALTER TABLE `posts` MODIFY COLUMN `body` varchar(200) NOT NULL;

-- downgrade
ALTER TABLE `posts` MODIFY COLUMN `body` text NOT NULL;

