-- changes
-- rename table users to members

-- warnings

-- notes

-- upgrade
ALTER TABLE `users` RENAME TO `members`;

-- downgrade
ALTER TABLE `members` RENAME TO `users`;

