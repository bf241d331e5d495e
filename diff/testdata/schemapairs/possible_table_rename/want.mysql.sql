-- changes
-- drop table users
-- add table members (id int NOT NULL, name varchar(100) NOT NULL)

-- warnings
-- drops table users: all its rows are lost
-- table users is dropped and table members added with the same columns: if it is a rename, run again with --rename users=members, or write // retort:renamed_from users above the model's struct

-- notes

-- upgrade
CREATE TABLE `members` (`id` int NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
DROP TABLE `users`;

-- downgrade
CREATE TABLE `users` (`id` int NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
DROP TABLE `members`;

