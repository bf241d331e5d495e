INSERT INTO tickets (title) VALUES ('c');
