INSERT INTO items (label) VALUES ('a'), ('b'), ('c');
