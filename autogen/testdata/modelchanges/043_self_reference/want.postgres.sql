-- 043_self_reference
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add foreign key fk_employees_manager on employees (manager_id) references employees (id)

-- +retort Upgrade NoTransaction
ALTER TABLE "employees" ADD CONSTRAINT "fk_employees_manager" FOREIGN KEY ("manager_id") REFERENCES "employees" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "employees" VALIDATE CONSTRAINT "fk_employees_manager";

-- +retort Downgrade
ALTER TABLE "employees" DROP CONSTRAINT "fk_employees_manager";
