CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE INDEX idx_users_lower_name ON users (lower(name));
