CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
