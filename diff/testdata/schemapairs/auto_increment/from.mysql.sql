CREATE TABLE items (
  id integer NOT NULL PRIMARY KEY,
  label varchar(20) NOT NULL
);
