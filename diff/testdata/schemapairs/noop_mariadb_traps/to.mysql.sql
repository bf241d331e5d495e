CREATE TABLE events (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  active bool NOT NULL DEFAULT true,
  created_at timestamp NOT NULL DEFAULT now(),
  price decimal(10,2) NOT NULL DEFAULT 0
);
