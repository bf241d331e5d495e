INSERT INTO articles (id, title) VALUES (1, 'hello');
