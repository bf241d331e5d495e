INSERT INTO docs (id, tags) VALUES (1, '["a"]');
