CREATE TABLE users (id bigserial NOT NULL, email varchar(100) NOT NULL, name varchar(100), CONSTRAINT pk_users PRIMARY KEY (id), CONSTRAINT uq_users_email UNIQUE (email));
CREATE INDEX ix_users_name ON users (name);
CREATE TABLE orders (id bigserial NOT NULL, user_id bigint NOT NULL, CONSTRAINT pk_orders PRIMARY KEY (id), CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id));
CREATE INDEX ix_orders_user_id ON orders (user_id);
