-- create notes
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-12-04T00:00:00Z

-- +retort Upgrade
CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);

-- +retort Downgrade
DROP TABLE notes;
