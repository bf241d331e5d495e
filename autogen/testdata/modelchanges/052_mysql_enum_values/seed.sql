INSERT INTO posts (id, status) VALUES (1, 'published');
