INSERT INTO warehouses (region, code) VALUES ('eu', 1), ('us', 1);
INSERT INTO stock (id, region, code, qty) VALUES (1, 'eu', 1, 5), (2, 'us', 1, 7), (3, 'eu', NULL, 1), (4, NULL, 9, 2);
