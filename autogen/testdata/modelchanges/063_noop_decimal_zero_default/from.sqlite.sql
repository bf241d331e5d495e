CREATE TABLE products (id integer PRIMARY KEY AUTOINCREMENT, price decimal(10,2) NOT NULL DEFAULT 0.00, rate decimal(5,3) DEFAULT 1.500);
