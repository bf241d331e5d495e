CREATE TABLE events (
  id bigint unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime(3) NOT NULL DEFAULT current_timestamp(3),
  seen timestamp NOT NULL DEFAULT current_timestamp(),
  PRIMARY KEY (id)
);
