CREATE TABLE products (id bigserial PRIMARY KEY, price decimal(10,2) NOT NULL DEFAULT 0.00, rate decimal(5,3) DEFAULT '1.500');
