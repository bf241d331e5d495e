CREATE TABLE nodes (
  id integer NOT NULL PRIMARY KEY,
  parent_id integer NULL,
  CONSTRAINT fk_nodes_parent FOREIGN KEY (parent_id) REFERENCES nodes (id)
);
