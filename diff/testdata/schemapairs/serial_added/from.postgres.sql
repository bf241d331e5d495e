CREATE TABLE tickets (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(100) NULL
);
