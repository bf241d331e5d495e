-- Foreign keys (actions, multi-column, self-reference) and checks.
CREATE TABLE orgs (
  id int,
  region text,
  PRIMARY KEY (region, id)
);
CREATE TABLE teams (
  id int PRIMARY KEY,
  org_id int NOT NULL,
  region text NOT NULL,
  parent_id int REFERENCES teams (id) ON DELETE SET NULL,
  lead_id int,
  size int CHECK (size > 0),
  CONSTRAINT teams_org FOREIGN KEY (region, org_id) REFERENCES orgs (region, id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT size_lead CHECK (size < 100 OR lead_id IS NOT NULL),
  CONSTRAINT positive_id CHECK (id > 0) NO INHERIT
);
CREATE TABLE members (
  team_id int REFERENCES teams ON DELETE SET DEFAULT ON UPDATE NO ACTION DEFAULT 1,
  user_name text NOT NULL,
  PRIMARY KEY (team_id, user_name)
);
