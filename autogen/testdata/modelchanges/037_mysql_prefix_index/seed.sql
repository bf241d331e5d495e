INSERT INTO docs (id, title, body) VALUES (1, 't', 'b');
