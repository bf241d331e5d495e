CREATE TABLE users (id bigserial PRIMARY KEY, age bigint CHECK (age >= 0));
