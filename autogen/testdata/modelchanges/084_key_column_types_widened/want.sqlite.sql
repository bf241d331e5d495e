-- 084_key_column_types_widened
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z

-- +retort Upgrade

-- +retort Downgrade
