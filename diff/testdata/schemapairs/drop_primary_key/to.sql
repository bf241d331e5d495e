CREATE TABLE logs (
  id integer NOT NULL,
  msg varchar(100) NOT NULL
);
