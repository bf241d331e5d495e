CREATE TABLE settings (
  id integer NOT NULL PRIMARY KEY,
  level integer NOT NULL DEFAULT 5,
  label varchar(20) NOT NULL
);
