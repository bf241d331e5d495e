CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  email varchar(100) NOT NULL
);
