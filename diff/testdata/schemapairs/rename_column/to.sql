CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  full_name varchar(100) NOT NULL
);
