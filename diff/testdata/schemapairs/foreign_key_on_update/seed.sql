INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders (id, user_id, total) VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30);
