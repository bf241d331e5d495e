INSERT INTO employees (id, name, manager_id) VALUES (1, 'boss', NULL), (2, 'ann', 1), (3, 'bob', 2);
