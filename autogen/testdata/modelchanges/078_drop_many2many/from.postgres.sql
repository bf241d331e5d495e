CREATE TABLE users (id bigserial PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE groups (id bigserial PRIMARY KEY, name varchar(50));
CREATE TABLE user_groups (user_id bigint NOT NULL, group_id bigint NOT NULL, PRIMARY KEY (user_id, group_id), CONSTRAINT fk_user_groups_user FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT fk_user_groups_group FOREIGN KEY (group_id) REFERENCES groups (id));
