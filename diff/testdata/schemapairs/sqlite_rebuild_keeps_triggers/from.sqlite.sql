CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE TABLE audit (
  id integer NOT NULL PRIMARY KEY,
  note text NOT NULL
);
CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN INSERT INTO audit (note) VALUES ('user'); END;
CREATE VIEW user_names AS SELECT name FROM users;
