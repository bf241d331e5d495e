CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (id bigserial PRIMARY KEY, name varchar(100));
