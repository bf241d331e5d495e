CREATE TABLE users (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, email varchar(100) NOT NULL, name varchar(100), CONSTRAINT uq_users_email UNIQUE (email));
CREATE INDEX ix_users_name ON users (name);
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, user_id integer NOT NULL, CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id));
CREATE INDEX ix_orders_user_id ON orders (user_id);
