INSERT INTO events (id, at) VALUES (1, '2026-01-02 03:04:05');
