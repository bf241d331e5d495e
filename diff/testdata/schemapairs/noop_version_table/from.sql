CREATE TABLE users (
  id integer NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL
);
CREATE TABLE retort_version (version_num varchar(64) NOT NULL PRIMARY KEY);
CREATE TABLE retort_version_log (id integer NOT NULL PRIMARY KEY);
