CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  mood mood NOT NULL DEFAULT 'happy'
);
