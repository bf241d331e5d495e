CREATE TABLE prices (
  id integer NOT NULL PRIMARY KEY,
  amount decimal(10,2) NOT NULL DEFAULT '0.00'
);
