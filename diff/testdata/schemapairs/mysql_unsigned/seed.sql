INSERT INTO counters VALUES (1, 5);
