CREATE TABLE things (
  id INTEGER NOT NULL PRIMARY KEY,
  name text
);
