-- Unique, composite, DESC, NULLS FIRST, partial, expression, INCLUDE,
-- non-btree and operator-class indexes; unique constraints.
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email varchar(255) NOT NULL,
  name text,
  org_id int,
  created_at timestamptz,
  deleted_at timestamptz,
  tags text[],
  doc jsonb,
  score int,
  CONSTRAINT users_name_org UNIQUE (name, org_id)
);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_org_created ON users (org_id, created_at DESC);
CREATE INDEX users_score_nulls ON users (score NULLS FIRST);
CREATE INDEX users_score_desc_nulls_last ON users (score DESC NULLS LAST);
CREATE UNIQUE INDEX users_active_email ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_lower_email ON users (lower(email));
CREATE INDEX users_mixed ON users (org_id, lower(name), id DESC);
CREATE INDEX users_cover ON users (org_id) INCLUDE (name, email);
CREATE INDEX users_tags ON users USING gin (tags);
CREATE INDEX users_doc ON users USING gin (doc jsonb_path_ops);
CREATE INDEX users_email_hash ON users USING hash (email);
CREATE INDEX users_created_brin ON users USING brin (created_at) WITH (pages_per_range = 32);
CREATE INDEX users_name_pattern ON users (name text_pattern_ops);
CREATE UNIQUE INDEX users_org_nnd ON users (org_id, score) NULLS NOT DISTINCT;
CREATE TABLE shapes (
  id int PRIMARY KEY,
  b box,
  EXCLUDE USING gist (b WITH &&)
);
