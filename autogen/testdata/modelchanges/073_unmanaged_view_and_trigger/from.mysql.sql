CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE TRIGGER users_lower BEFORE INSERT ON users FOR EACH ROW SET NEW.email = LOWER(NEW.email);
