-- MySQL uses atlas's own inspector: this case keeps it in the shared test.
CREATE TABLE users (
  id bigint AUTO_INCREMENT PRIMARY KEY,
  email varchar(255) NOT NULL,
  name varchar(100) DEFAULT 'x',
  created_at datetime(3) DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY users_email (email),
  KEY users_name_created (name, created_at DESC)
);
CREATE TABLE posts (
  id int PRIMARY KEY,
  user_id bigint NOT NULL,
  title text,
  CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT posts_id CHECK (id > 0)
);
