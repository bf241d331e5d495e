CREATE TABLE members (
  id integer NOT NULL PRIMARY KEY,
  full_name varchar(100) NOT NULL
);
