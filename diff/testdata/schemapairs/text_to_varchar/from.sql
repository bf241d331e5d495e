CREATE TABLE posts (
  id integer NOT NULL PRIMARY KEY,
  body text NOT NULL
);
