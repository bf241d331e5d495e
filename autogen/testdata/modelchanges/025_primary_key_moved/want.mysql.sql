-- 025_primary_key_moved
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes the primary key of countries from (code) to (iso3): the upgrade fails on duplicates, and rebuilds the table
-- Downgrade WARNING: changes the primary key of countries from (iso3) to (code): the downgrade fails on duplicates, and rebuilds the table
--
-- Changes:
--   change primary key of countries from (code) to (iso3)

-- +retort Upgrade
ALTER TABLE `countries` DROP PRIMARY KEY, ADD PRIMARY KEY (`iso3`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `countries` DROP PRIMARY KEY, ADD PRIMARY KEY (`code`), ALGORITHM=INPLACE, LOCK=NONE;
