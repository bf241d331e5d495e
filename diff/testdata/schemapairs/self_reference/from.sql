CREATE TABLE nodes (
  id integer NOT NULL PRIMARY KEY
);
