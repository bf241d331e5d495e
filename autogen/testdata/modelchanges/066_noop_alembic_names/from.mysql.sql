CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT, email varchar(100) NOT NULL, name varchar(100), PRIMARY KEY (id), CONSTRAINT uq_users_email UNIQUE (email));
CREATE INDEX ix_users_name ON users (name);
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT, user_id bigint unsigned NOT NULL, PRIMARY KEY (id), CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id));
CREATE INDEX ix_orders_user_id ON orders (user_id);
