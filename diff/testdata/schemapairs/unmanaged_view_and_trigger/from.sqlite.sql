CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE VIEW user_names AS SELECT name FROM users;
CREATE TRIGGER users_touch AFTER INSERT ON users BEGIN SELECT 1; END;
