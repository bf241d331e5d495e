CREATE TABLE pages (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  changed timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()
);
