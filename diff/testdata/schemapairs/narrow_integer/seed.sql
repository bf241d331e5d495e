INSERT INTO counters (id, hits) VALUES (1, 5);
