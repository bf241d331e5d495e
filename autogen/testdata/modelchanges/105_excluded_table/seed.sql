INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO legacy_audits (id, note) VALUES (1, 'keep me');
