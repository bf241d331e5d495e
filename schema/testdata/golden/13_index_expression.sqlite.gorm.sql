CREATE TABLE `members` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` text NULL, `name` text NULL);
CREATE INDEX `idx_members_name_len` ON `members` ((length(name)));
CREATE UNIQUE INDEX `idx_members_lower_email` ON `members` ((lower(email)));
