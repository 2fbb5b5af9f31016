-- Search fallback (used when OpenSearch times out or fails): substring search over name, brand and
-- description with LIKE on lower-cased text. A trigram GIN index serves it; pg_trgm is a trusted extension
-- (the database owner may create it) and is available on Amazon RDS/Aurora PostgreSQL.
-- With the C locale, pg_trgm makes trigrams of ASCII letters and digits only: Latin queries use the index,
-- Japanese ones scan it (still correct, just slower); the fallback is for outages, not everyday traffic.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX products_search_trgm_idx ON products
    USING gin (lower(name || ' ' || brand || ' ' || description) gin_trgm_ops)
    WHERE active;
