-- 073_unmanaged_view_and_trigger
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.phone: its data is lost
--
-- Changes:
--   add column users.phone character varying(30)
-- Note: view user_emails is not managed by retort: it is left as it is
-- Note: trigger users_lower (on table users) is not managed by retort: it is left as it is
-- Note: routine lower_email is not managed by retort: it is left as it is

-- +retort Upgrade
ALTER TABLE "users" ADD COLUMN "phone" character varying(30) NULL;

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "phone";
