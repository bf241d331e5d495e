CREATE TABLE boxes (
  id integer NOT NULL PRIMARY KEY,
  w integer NOT NULL,
  h integer NOT NULL,
  area integer AS (w * h) VIRTUAL
);
