INSERT INTO counters (id, value) VALUES (1, 7), (2, -3);
