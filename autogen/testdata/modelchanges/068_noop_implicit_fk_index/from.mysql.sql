CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id bigint unsigned, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
