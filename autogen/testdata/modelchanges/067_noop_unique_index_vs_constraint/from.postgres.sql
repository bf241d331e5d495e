CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL, login varchar(50) NOT NULL);
CREATE UNIQUE INDEX users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT users_login_uq UNIQUE (login);
