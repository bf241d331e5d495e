CREATE TABLE items (
  id integer NOT NULL AUTO_INCREMENT PRIMARY KEY,
  label varchar(20) NOT NULL
);
