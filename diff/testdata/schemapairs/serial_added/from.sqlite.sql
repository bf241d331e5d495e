CREATE TABLE tickets (
  id integer NOT NULL PRIMARY KEY,
  title varchar(100) NULL
);
