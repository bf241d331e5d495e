CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE FUNCTION lower_email() RETURNS trigger AS $$ BEGIN NEW.email := lower(NEW.email); RETURN NEW; END $$ LANGUAGE plpgsql;
CREATE TRIGGER users_lower BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION lower_email();
