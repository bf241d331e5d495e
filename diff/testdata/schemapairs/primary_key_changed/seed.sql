INSERT INTO memberships VALUES (1, 1), (2, 1);
