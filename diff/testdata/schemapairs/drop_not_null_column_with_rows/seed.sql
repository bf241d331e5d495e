INSERT INTO users (id, name, code, born, label) VALUES (1, 'ann', 7, '2000-01-01', 'a'), (2, 'bob', 8, '2001-02-03', 'b');
