CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (id bigserial PRIMARY KEY, mood mood NOT NULL DEFAULT 'happy');
