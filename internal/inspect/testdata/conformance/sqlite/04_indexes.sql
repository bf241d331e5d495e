-- Unique constraints, unique/composite/DESC/partial/expression indexes.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email text NOT NULL UNIQUE,
  name text,
  org_id int,
  created_at datetime,
  deleted_at datetime,
  UNIQUE (name, org_id)
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
CREATE INDEX users_org_created ON users (org_id, created_at DESC);
CREATE INDEX users_active ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_mixed ON users (org_id, lower(name) DESC, id);
CREATE INDEX "users_quoted" ON "users" ("name");
CREATE UNIQUE INDEX users_nocase ON users (email COLLATE NOCASE);
