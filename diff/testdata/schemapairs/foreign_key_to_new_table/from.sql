CREATE TABLE products (
  id integer NOT NULL PRIMARY KEY,
  title varchar(100) NOT NULL
);
