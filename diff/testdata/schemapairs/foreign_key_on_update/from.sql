CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE TABLE orders (
  id integer NOT NULL PRIMARY KEY,
  user_id integer NOT NULL,
  total decimal(10,2) NOT NULL DEFAULT 0,
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)
);
