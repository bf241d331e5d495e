CREATE TABLE warehouses (
  region varchar(8) NOT NULL,
  code integer NOT NULL,
  PRIMARY KEY (region, code)
);
CREATE TABLE stock (
  id integer NOT NULL PRIMARY KEY,
  region varchar(8) NULL,
  code integer NULL,
  qty integer NOT NULL,
  CONSTRAINT uq_stock UNIQUE (region, code, id),
  CONSTRAINT fk_stock_warehouse FOREIGN KEY (region, code) REFERENCES warehouses (region, code)
);
