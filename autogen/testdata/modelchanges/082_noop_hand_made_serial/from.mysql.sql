CREATE TABLE notes (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, body longtext, n bigint);
