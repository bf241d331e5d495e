INSERT INTO people (id, name, mood) VALUES (1, 'ann', 'sad');
