INSERT INTO products (id, price, stock) VALUES (1, 0, 0);
