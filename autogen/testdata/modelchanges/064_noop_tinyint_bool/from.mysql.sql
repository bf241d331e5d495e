CREATE TABLE flags (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enabled tinyint(1) NOT NULL DEFAULT 0,
  visible tinyint(1) DEFAULT 1
);
