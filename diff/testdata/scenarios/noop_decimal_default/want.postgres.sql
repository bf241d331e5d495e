-- changes
-- modify column prices.amount: default 0.00 → 0

-- warnings

-- notes

-- upgrade
ALTER TABLE "prices" ALTER COLUMN "amount" SET DEFAULT 0;

-- downgrade
ALTER TABLE "prices" ALTER COLUMN "amount" SET DEFAULT 0.00;

