CREATE TABLE `members` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` text NULL, `name` text NULL);
CREATE UNIQUE INDEX `idx_members_lower_email` ON `members` ((lower(email)));
CREATE INDEX `idx_members_name_len` ON `members` ((length(name)));
