CREATE TABLE counters (
  id integer NOT NULL PRIMARY KEY,
  hits int unsigned NOT NULL
);
