INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO groups (id, name) VALUES (1, 'g');
INSERT INTO user_groups (user_id, group_id) VALUES (1, 1), (2, 1);
