CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE TABLE secrets (
  id integer NOT NULL PRIMARY KEY,
  hidden integer INVISIBLE
);
CREATE TABLE audit (
  id integer NOT NULL PRIMARY KEY
) WITH SYSTEM VERSIONING;
CREATE SEQUENCE ticket_seq;
