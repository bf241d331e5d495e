-- changes
-- add column products.category_id int
-- add index fk_products_category on products (category_id)
-- add foreign key fk_products_category on products (category_id) references categories (id) ON DELETE RESTRICT ON UPDATE RESTRICT
-- add table categories (id int NOT NULL, label varchar(50) NOT NULL)

-- warnings
-- adding the foreign key fk_products_category to products (InnoDB checks the existing rows by copying the table) copies table products with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
CREATE TABLE `categories` (`id` int NOT NULL, `label` varchar(50) NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `products` ADD COLUMN `category_id` int NULL, ALGORITHM=INSTANT;
ALTER TABLE `products` ADD INDEX `fk_products_category` (`category_id`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` ADD CONSTRAINT `fk_products_category` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `products` DROP FOREIGN KEY `fk_products_category`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` DROP INDEX `fk_products_category`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` DROP COLUMN `category_id`, ALGORITHM=INSTANT;
DROP TABLE `categories`;

