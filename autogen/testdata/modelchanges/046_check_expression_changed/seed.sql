INSERT INTO products (id, price, stock) VALUES (1, 5, 0), (2, 10, 3);
