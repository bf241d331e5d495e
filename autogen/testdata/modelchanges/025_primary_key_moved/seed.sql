INSERT INTO countries (code, iso3, name) VALUES ('fr', 'fra', 'France'), ('de', 'deu', 'Germany');
