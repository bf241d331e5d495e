CREATE TABLE tickets (
  id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  title varchar(100) NULL
);
