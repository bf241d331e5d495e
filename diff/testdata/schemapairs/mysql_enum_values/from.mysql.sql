CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  role enum('admin','user','guest') NOT NULL DEFAULT 'user'
);
