CREATE TABLE members (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
