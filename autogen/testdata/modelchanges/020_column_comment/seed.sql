INSERT INTO users (id, name, age) VALUES (1, 'ann', 30);
