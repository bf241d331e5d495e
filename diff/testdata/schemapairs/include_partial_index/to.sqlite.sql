CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE INDEX idx_users_name_a ON users (name) WHERE name > 'a';
