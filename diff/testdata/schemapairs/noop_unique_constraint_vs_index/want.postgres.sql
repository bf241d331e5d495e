-- changes

-- warnings

-- notes

-- upgrade

-- downgrade

