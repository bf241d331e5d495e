-- 056_rename_table_by_hint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename table users to members

-- +retort Upgrade
RENAME TABLE `users` TO `members`;

-- +retort Downgrade
RENAME TABLE `members` TO `users`;
