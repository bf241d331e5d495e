-- 009_add_not_null_without_default_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds column users.code NOT NULL without a default: the upgrade fails if users has rows
-- Downgrade WARNING: drops column users.code: its data is lost
--
-- Changes:
--   add column users.code bigint NOT NULL

-- +retort Upgrade
ALTER TABLE "users" ADD COLUMN "code" bigint NOT NULL;

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "code";
