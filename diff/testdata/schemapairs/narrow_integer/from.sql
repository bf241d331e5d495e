CREATE TABLE counters (
  id integer NOT NULL PRIMARY KEY,
  hits bigint NOT NULL
);
