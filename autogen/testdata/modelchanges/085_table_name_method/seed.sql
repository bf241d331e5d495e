INSERT INTO app_people (id, name) VALUES (1, 'ann');
