CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  role enum('admin','user') NOT NULL DEFAULT 'user'
);
