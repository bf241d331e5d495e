CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT, body text, n integer);
