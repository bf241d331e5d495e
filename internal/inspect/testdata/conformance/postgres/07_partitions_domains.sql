-- A partitioned table (its partitions are not tables of their own) and a
-- domain-typed column.
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TABLE events (
  id bigint NOT NULL,
  at date NOT NULL,
  kind text,
  weight positive_int
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE logs (
  id int,
  level text
) PARTITION BY LIST (level);
CREATE TABLE hashed (
  id int,
  name text
) PARTITION BY HASH (id, lower(name));
