-- Search synonyms added by staff at run time (ADR 1301). The groups shipped with the code are the resource
-- search/synonyms.txt; the app reads both and expands every query with them, for OpenSearch and the SQL
-- fallback alike. Numbered after the issue that added it (1301) so that parallel branches cannot collide.
CREATE TABLE search_synonyms (
    id          bigserial PRIMARY KEY,
    -- the words of one group, comma-separated, as staff wrote them: "kettle, ケトル, やかん"
    terms       text        NOT NULL CHECK (length(terms) BETWEEN 1 AND 1000),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
