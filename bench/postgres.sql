-- The text-search configurations of the PostgreSQL peer, made once in each
-- cluster bench/lib.sh starts (pg_start). What a Vietnamese project on
-- PostgreSQL sets up: the `simple` configuration (the default parser, words
-- lowercased, no stemming, no stop words: nothing in PostgreSQL knows
-- Vietnamese) for exact search, and a copy of it whose words first go through
-- `unaccent` for search without diacritics. unaccent's rules map đ to d.
CREATE EXTENSION unaccent;
CREATE TEXT SEARCH CONFIGURATION folded (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION folded
  ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
  WITH unaccent, simple;
