INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO legacies (id, data) VALUES (1, 'x');
