-- changes
-- add table orders2 (id int NOT NULL)

-- warnings

-- notes
-- column secrets.hidden is INVISIBLE, which retort cannot read: table secrets is left as it is, neither created, changed nor dropped
-- sequence ticket_seq is not managed by retort: it is left as it is
-- table audit is system-versioned, which retort cannot read: it is left as it is, neither created, changed nor dropped

-- upgrade
CREATE TABLE `orders2` (`id` int NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;

-- downgrade
DROP TABLE `orders2`;

