INSERT INTO "order" (id, "key") VALUES (1, 'k');
