-- 079_noop_with_view_and_trigger
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Note: view user_names is not managed by retort: it is left as it is

-- +retort Upgrade

-- +retort Downgrade
