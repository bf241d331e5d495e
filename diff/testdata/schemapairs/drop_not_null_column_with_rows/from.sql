CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  code integer NOT NULL,
  born date NOT NULL,
  label varchar(20) NOT NULL
);
