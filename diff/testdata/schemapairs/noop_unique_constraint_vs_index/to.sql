CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  email varchar(100) NOT NULL
);
CREATE UNIQUE INDEX idx_users_email ON users (email);
