CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE TRIGGER users_trim BEFORE INSERT ON users FOR EACH ROW SET NEW.name = TRIM(NEW.name);
