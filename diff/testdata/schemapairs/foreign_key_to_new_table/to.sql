CREATE TABLE categories (
  id integer NOT NULL PRIMARY KEY,
  label varchar(50) NOT NULL
);
CREATE TABLE products (
  id integer NOT NULL PRIMARY KEY,
  title varchar(100) NOT NULL,
  category_id integer NULL,
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id)
);
