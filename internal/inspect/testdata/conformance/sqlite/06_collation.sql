-- Collations on columns.
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email text COLLATE NOCASE NOT NULL,
  name text COLLATE RTRIM,
  code text
);
CREATE UNIQUE INDEX people_email ON people (email);
