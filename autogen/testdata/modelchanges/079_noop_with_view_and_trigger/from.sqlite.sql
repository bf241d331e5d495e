CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE TRIGGER users_trim AFTER INSERT ON users BEGIN UPDATE users SET name = trim(name) WHERE id = NEW.id; END;
