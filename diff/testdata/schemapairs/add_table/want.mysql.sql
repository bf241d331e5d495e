-- changes
-- add table orders (id int NOT NULL, user_id int NOT NULL, total decimal(10,2) NOT NULL DEFAULT 0.00)

-- warnings

-- notes

-- upgrade
CREATE TABLE `orders` (`id` int NOT NULL, `user_id` int NOT NULL, `total` decimal(10,2) NOT NULL DEFAULT 0.00, PRIMARY KEY (`id`), INDEX `fk_orders_user` (`user_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `orders`;

