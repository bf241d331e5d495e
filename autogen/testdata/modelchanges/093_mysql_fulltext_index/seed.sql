INSERT INTO articles (id, title, body) VALUES (1, 'a', 'some text');
