CREATE TABLE `countries` (`code` text NULL, `name` text NULL, PRIMARY KEY (`code`));
CREATE TABLE `cities` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `country_code` text NULL, CONSTRAINT `fk_cities_country` FOREIGN KEY (`country_code`) REFERENCES `countries` (`code`) ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE `teams` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `members` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `team_id` integer NULL, `captain_of_id` integer NULL, CONSTRAINT `fk_teams_captain` FOREIGN KEY (`captain_of_id`) REFERENCES `teams` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT `fk_teams_members` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE);
CREATE UNIQUE INDEX `idx_members_captain_of_id` ON `members` (`captain_of_id`);
CREATE TABLE `posts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL);
CREATE TABLE `tags` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `post_tags` (`post_id` integer NULL, `tag_id` integer NULL, PRIMARY KEY (`post_id`, `tag_id`), CONSTRAINT `fk_post_tags_post` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON UPDATE CASCADE ON DELETE CASCADE, CONSTRAINT `fk_post_tags_tag` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON UPDATE CASCADE ON DELETE CASCADE);
