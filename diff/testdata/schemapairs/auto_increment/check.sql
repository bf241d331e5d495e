INSERT INTO items (label) VALUES ('c');
