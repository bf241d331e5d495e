-- Foreign keys (named and unnamed, inline and table-level, actions,
-- multi-column, self-reference) and checks.
CREATE TABLE orgs (
  id int,
  region text,
  PRIMARY KEY (region, id)
);
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  org_id int NOT NULL,
  region text NOT NULL,
  parent_id int CONSTRAINT teams_parent REFERENCES teams (id) ON DELETE SET NULL,
  lead_id int REFERENCES users (id),
  size int CHECK (size > 0),
  CONSTRAINT teams_org FOREIGN KEY (region, org_id) REFERENCES orgs (region, id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT size_lead CHECK (size < 100 OR lead_id IS NOT NULL),
  CHECK (id <> parent_id)
);
CREATE TABLE users (id INTEGER PRIMARY KEY, team_id int REFERENCES teams (id) ON DELETE SET DEFAULT ON UPDATE CASCADE);
CREATE TABLE "members" (
  "team_id" integer NOT NULL,
  "user_id" integer NOT NULL,
  PRIMARY KEY ("team_id", "user_id"),
  CONSTRAINT "fk_members_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id"),
  CONSTRAINT "fk_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
);
