INSERT INTO products VALUES (1, 'x'), (2, 'y');
