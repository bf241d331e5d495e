CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  mood mood NOT NULL DEFAULT 'ok'
);
