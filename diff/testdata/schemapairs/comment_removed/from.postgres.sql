CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
COMMENT ON TABLE users IS 'people';
COMMENT ON COLUMN users.name IS 'display name';
