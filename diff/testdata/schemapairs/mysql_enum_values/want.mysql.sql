-- changes
-- modify column users.role: type enum('admin','user','guest') → enum('admin','user')

-- warnings
-- changes column users.role from enum('admin','user','guest') to enum('admin','user'): enum value(s) 'guest' are removed: rows holding them make the upgrade fail or are changed
-- changing the type of column users.role from enum('admin','user','guest') to enum('admin','user') copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `users` MODIFY COLUMN `role` enum('admin','user') NOT NULL DEFAULT 'user';

-- downgrade
ALTER TABLE `users` MODIFY COLUMN `role` enum('admin','user','guest') NOT NULL DEFAULT 'user';

