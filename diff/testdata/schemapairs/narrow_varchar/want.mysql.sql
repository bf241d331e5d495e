-- changes
-- modify column users.name: type varchar(255) → varchar(100)

-- warnings
-- changes column users.name from varchar(255) to varchar(100): longer values are cut or rejected
-- changing the type of column users.name from varchar(255) to varchar(100) copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL;

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `name` varchar(255) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

