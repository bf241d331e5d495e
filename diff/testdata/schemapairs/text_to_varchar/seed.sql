INSERT INTO posts (id, body) VALUES (1, 'short');
