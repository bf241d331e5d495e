-- Generated columns, comments on tables, columns and indexes, collations.
CREATE TABLE items (
  id int PRIMARY KEY,
  price numeric(10,2) NOT NULL,
  qty int NOT NULL,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  name text COLLATE "C",
  title varchar(100) COLLATE "POSIX"
);
COMMENT ON TABLE items IS 'Things we sell';
COMMENT ON COLUMN items.price IS 'Unit price, in cents';
COMMENT ON COLUMN items.name IS 'it''s a name';
CREATE INDEX items_qty ON items (qty);
COMMENT ON INDEX items_qty IS 'for reports';
