INSERT INTO users (id, name) VALUES (1, 'ann');
INSERT INTO orders (id, user_id) VALUES (1, 1), (2, 1);
