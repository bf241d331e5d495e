-- 068_noop_implicit_fk_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z

-- +retort Upgrade

-- +retort Downgrade
