-- Defaults of every kind and generated columns.
CREATE TABLE defaults (
  i int DEFAULT 0,
  n real DEFAULT -1.5,
  h int DEFAULT 0x1F,
  b boolean DEFAULT true,
  b2 boolean DEFAULT FALSE,
  s text DEFAULT 'hello',
  s2 text DEFAULT 'it''s',
  s3 text DEFAULT "dq",
  e text DEFAULT '',
  t datetime DEFAULT CURRENT_TIMESTAMP,
  d date DEFAULT (date('now')),
  x int DEFAULT (1 + 2),
  bl blob DEFAULT x'0A1B',
  z text DEFAULT NULL
);
CREATE TABLE gen (
  a int,
  b int,
  v int GENERATED ALWAYS AS (a + b) VIRTUAL,
  s int GENERATED ALWAYS AS (a * 2) STORED,
  w text AS (upper('x' || a))
);
