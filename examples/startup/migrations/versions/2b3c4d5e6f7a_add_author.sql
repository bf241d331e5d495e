-- add author
--
-- Revision ID: 2b3c4d5e6f7a
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-12-04T00:01:00Z

-- +retort Upgrade
ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT '';
INSERT INTO notes (id, body, author) VALUES (1, 'hello', 'retort');

-- +retort Downgrade
DELETE FROM notes WHERE id = 1;
ALTER TABLE notes DROP COLUMN author;
