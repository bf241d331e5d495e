CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT, name varchar(100) NOT NULL, PRIMARY KEY (id));
CREATE TABLE `groups` (id bigint unsigned NOT NULL AUTO_INCREMENT, name varchar(50), PRIMARY KEY (id));
CREATE TABLE user_groups (user_id bigint unsigned NOT NULL, group_id bigint unsigned NOT NULL, PRIMARY KEY (user_id, group_id), CONSTRAINT fk_user_groups_user FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT fk_user_groups_group FOREIGN KEY (group_id) REFERENCES `groups` (id));
