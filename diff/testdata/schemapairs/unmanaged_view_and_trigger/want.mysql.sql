-- changes

-- warnings

-- notes
-- trigger users_touch (on table users) is not managed by retort: it is left as it is
-- view user_names is not managed by retort: it is left as it is

-- upgrade

-- downgrade

