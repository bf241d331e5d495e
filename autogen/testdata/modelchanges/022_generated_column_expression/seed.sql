INSERT INTO items (id, price, qty) VALUES (1, 2.50, 4);
