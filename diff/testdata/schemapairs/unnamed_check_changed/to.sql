CREATE TABLE stock (
  id integer NOT NULL PRIMARY KEY,
  qty integer NOT NULL,
  CHECK (qty >= 1)
);
