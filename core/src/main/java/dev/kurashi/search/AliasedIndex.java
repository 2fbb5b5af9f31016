package dev.kurashi.search;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * The operations every alias-managed index offers (products, articles), over one {@link SearchIndices.Contents}
 * that says what the index holds. Subclasses are the CDI beans; they only choose their contents.
 */
abstract class AliasedIndex<D> {

    private final SearchIndices indices;
    private final SearchIndices.Contents<D> contents;

    protected AliasedIndex(SearchIndices indices, SearchIndices.Contents<D> contents) {
        this.indices = indices;
        this.contents = contents;
    }

    /** Creates an empty index behind the alias unless the alias exists. Returns whether it created one. */
    @WithSpan
    public boolean ensureIndex() {
        return indices.ensureIndex(contents);
    }

    /** Upserts one document from the database; deletes it when its source is gone or not to be found. */
    @WithSpan
    public void index(String slug) {
        indices.index(contents, slug);
    }

    /** Builds a new index from the database and swaps the alias to it. Returns the documents indexed. */
    @WithSpan
    public int rebuild() {
        return indices.rebuild(contents);
    }

    /** Builds the index when the alias is missing or empty (one node of several). Returns whether it built it. */
    @WithSpan
    public boolean buildIfMissing() {
        return indices.buildIfMissing(contents);
    }

    /** Makes recent writes visible to searches (tests). */
    public void refresh() {
        indices.refresh(contents.alias());
    }

    public boolean aliasExists() {
        return indices.aliasExists(contents.alias());
    }
}
