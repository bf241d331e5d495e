INSERT INTO accounts (id, email, status) VALUES (1, 'a@x', 'active');
