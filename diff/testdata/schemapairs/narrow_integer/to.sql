CREATE TABLE counters (
  id integer NOT NULL PRIMARY KEY,
  hits integer NOT NULL
);
