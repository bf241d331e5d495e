-- scenario: constraint-missing-not-valid
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders ADD CONSTRAINT chk_orders_total CHECK (total >= 0);
-- the safe form, with the VALIDATE in this same transaction: still reported
ALTER TABLE orders ADD CONSTRAINT fk_orders_shop FOREIGN KEY (shop_id) REFERENCES shops (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_shop;
-- retort:lint-ignore constraint-missing-not-valid orders is empty in every deployment
ALTER TABLE orders ADD CHECK (qty > 0);

-- +retort Downgrade
SELECT 1;
