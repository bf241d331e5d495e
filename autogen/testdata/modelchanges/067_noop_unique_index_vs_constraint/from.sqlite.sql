CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, email varchar(100) NOT NULL, login varchar(50) NOT NULL, UNIQUE (login));
CREATE UNIQUE INDEX users_email ON users (email);
