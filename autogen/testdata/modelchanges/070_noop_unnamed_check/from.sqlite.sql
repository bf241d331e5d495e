CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, age integer, CHECK (age >= 0));
