CREATE TABLE events (
  id integer NOT NULL PRIMARY KEY,
  at timestamp NULL
);
