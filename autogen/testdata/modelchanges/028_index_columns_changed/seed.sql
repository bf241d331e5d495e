INSERT INTO users (id, email, first, last) VALUES (1, 'a@x', 'ann', 'lee'), (2, 'b@x', 'bob', 'ray');
