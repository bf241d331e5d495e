-- changes
-- rename table users to members

-- warnings

-- notes

-- upgrade
RENAME TABLE `users` TO `members`;

-- downgrade
RENAME TABLE `members` TO `users`;

