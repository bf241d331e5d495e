CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY
);
