INSERT INTO nodes (id) VALUES (1), (2);
