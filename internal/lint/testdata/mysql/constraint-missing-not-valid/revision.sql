-- scenario: constraint-missing-not-valid
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`), ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_shop` FOREIGN KEY (`shop_id`) REFERENCES `shops` (`id`), ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 1;
-- retort:lint-ignore constraint-missing-not-valid
ALTER TABLE `audit` ADD FOREIGN KEY (`user_id`) REFERENCES `users` (`id`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
SELECT 1;
