-- changes
-- modify column posts.body: type text → varchar(200)

-- warnings
-- changes column posts.body from text to varchar(200): text values longer than the new size are cut or rejected
-- changing the type of column posts.body from text to varchar(200) copies table posts with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `posts` MODIFY COLUMN `body` varchar(200) NOT NULL;

-- downgrade
ALTER TABLE `posts` MODIFY COLUMN `body` text NOT NULL;

