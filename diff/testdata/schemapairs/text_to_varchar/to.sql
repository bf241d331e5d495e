CREATE TABLE posts (
  id integer NOT NULL PRIMARY KEY,
  body varchar(200) NOT NULL
);
