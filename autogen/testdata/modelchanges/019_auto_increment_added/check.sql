INSERT INTO tickets (title) VALUES ('c');
INSERT INTO tickets (title) VALUES ('d');
