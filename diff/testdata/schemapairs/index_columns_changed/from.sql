CREATE TABLE people (
  id integer NOT NULL PRIMARY KEY,
  first varchar(50) NOT NULL,
  last varchar(50) NOT NULL
);
CREATE INDEX idx_people_name ON people (first, last);
