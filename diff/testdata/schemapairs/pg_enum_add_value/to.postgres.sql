CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad', 'angry');
CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  mood mood NOT NULL DEFAULT 'happy'
);
