INSERT INTO users VALUES (1, 'a', 'ann'), (2, 'b', 'bob');
