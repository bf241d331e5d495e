CREATE TABLE events (
  id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  active tinyint(1) NOT NULL DEFAULT 1,
  created_at timestamp NOT NULL DEFAULT current_timestamp(),
  price decimal(10,2) NOT NULL DEFAULT '0.00'
);
