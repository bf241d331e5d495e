INSERT INTO users (id, name) VALUES (1, 'ann');
INSERT INTO orders (id, user_id, total) VALUES (1, 1, 10), (2, NULL, 20), (3, 9, 30);
