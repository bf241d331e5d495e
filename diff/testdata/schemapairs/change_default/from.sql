CREATE TABLE settings (
  id integer NOT NULL PRIMARY KEY,
  level integer NOT NULL DEFAULT 1,
  label varchar(20) NOT NULL DEFAULT 'a'
);
