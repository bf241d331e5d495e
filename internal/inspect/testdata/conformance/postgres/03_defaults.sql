-- Defaults of every kind: literals, casts, functions, expressions.
CREATE TABLE defaults (
  i int DEFAULT 0,
  n numeric DEFAULT -1.5,
  b boolean DEFAULT true,
  b2 boolean DEFAULT false,
  s text DEFAULT 'hello',
  s2 varchar(10) DEFAULT 'it''s',
  e text DEFAULT '',
  t timestamptz DEFAULT now(),
  t2 timestamp DEFAULT CURRENT_TIMESTAMP,
  d date DEFAULT '2020-01-01',
  u uuid DEFAULT gen_random_uuid(),
  j jsonb DEFAULT '{}'::jsonb,
  a text[] DEFAULT '{}'::text[],
  x int DEFAULT (1 + 2),
  l bigint DEFAULT 9223372036854775807,
  f double precision DEFAULT 1e10,
  z text DEFAULT NULL,
  lower_s text DEFAULT lower('ABC'),
  bits bit(3) DEFAULT B'101'
);
