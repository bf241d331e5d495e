CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(100) NOT NULL UNIQUE);
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id bigint unsigned NOT NULL, FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
