INSERT INTO settings (id, enabled) VALUES (1, true), (2, false);
