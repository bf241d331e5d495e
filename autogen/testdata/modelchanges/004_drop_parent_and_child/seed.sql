INSERT INTO authors (id, name) VALUES (1, 'a');
INSERT INTO books (id, title, author_id) VALUES (1, 't', 1);
INSERT INTO notes (id, text) VALUES (1, 'n');
