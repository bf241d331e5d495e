CREATE TABLE a (
  id integer NOT NULL PRIMARY KEY,
  b_id integer NULL
);
CREATE TABLE b (
  id integer NOT NULL PRIMARY KEY,
  a_id integer NULL,
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)
);
ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id);
