INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
