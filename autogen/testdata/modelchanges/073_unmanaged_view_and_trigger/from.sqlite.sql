CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE TRIGGER users_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(email) WHERE id = NEW.id; END;
