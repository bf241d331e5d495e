CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL);
CREATE TABLE groups (id integer PRIMARY KEY AUTOINCREMENT, name text);
CREATE TABLE user_groups (user_id integer, group_id integer, PRIMARY KEY (user_id, group_id), CONSTRAINT fk_user_groups_user FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT fk_user_groups_group FOREIGN KEY (group_id) REFERENCES groups (id));
