INSERT INTO items (label) VALUES ('d');
