INSERT INTO users (id, email) VALUES (1, 'a@x'), (2, 'b@x');
