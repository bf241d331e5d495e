CREATE TABLE users (id bigserial PRIMARY KEY, name varchar(100) NOT NULL);
COMMENT ON TABLE users IS 'people';
