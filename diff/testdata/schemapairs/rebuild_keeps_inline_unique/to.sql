CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  email varchar(100) NOT NULL,
  name varchar(50) NOT NULL DEFAULT 'y',
  CONSTRAINT uni_users_email UNIQUE (email)
);
