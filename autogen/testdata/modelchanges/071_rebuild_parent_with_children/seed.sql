INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders (id, user_id) VALUES (1, 1), (2, 1), (3, 2);
