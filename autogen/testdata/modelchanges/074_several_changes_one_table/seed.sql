INSERT INTO users (id, email, age, temp) VALUES (1, 'a@x', 3, 't');
