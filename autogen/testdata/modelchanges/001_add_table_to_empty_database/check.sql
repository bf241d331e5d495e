INSERT INTO users (email) VALUES ('a@x');
INSERT INTO users (email) VALUES ('b@x');
