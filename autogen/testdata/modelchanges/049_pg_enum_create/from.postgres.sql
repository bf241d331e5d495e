CREATE TABLE people (id bigserial PRIMARY KEY, name varchar(100));
