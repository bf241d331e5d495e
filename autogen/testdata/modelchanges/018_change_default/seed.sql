INSERT INTO tasks (id, state, priority, owner) VALUES (1, 'done', 3, 'ann');
