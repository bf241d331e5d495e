INSERT INTO products (id, price) VALUES (1, 9.99), (2, 100.50);
