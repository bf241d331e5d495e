CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL UNIQUE);
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE);
