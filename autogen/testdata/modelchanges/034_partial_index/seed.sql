INSERT INTO accounts (id, email) VALUES (1, 'a@x'), (2, 'b@x');
