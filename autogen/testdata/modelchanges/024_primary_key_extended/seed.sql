INSERT INTO memberships (user_id, group_id, role) VALUES (1, 1, 'a'), (2, 1, 'b');
