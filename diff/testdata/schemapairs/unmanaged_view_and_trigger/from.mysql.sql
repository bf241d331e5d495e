CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE VIEW user_names AS SELECT name FROM users;
CREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW SET NEW.name = TRIM(NEW.name);
