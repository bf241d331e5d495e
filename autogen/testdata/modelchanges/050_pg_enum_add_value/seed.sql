INSERT INTO people (id, mood) VALUES (1, 'sad');
