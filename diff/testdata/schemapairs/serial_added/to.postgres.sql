CREATE TABLE tickets (
  id bigserial NOT NULL PRIMARY KEY,
  title varchar(100) NULL
);
