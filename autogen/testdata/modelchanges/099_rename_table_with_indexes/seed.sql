INSERT INTO users (id, email, login) VALUES (1, 'a@x', 'a'), (2, 'b@x', 'b');
INSERT INTO orders (id, user_id) VALUES (1, 1), (2, 2);
