package dev.kurashi.reading;

import java.time.Instant;
import java.util.List;

/**
 * An article as the search index holds it. Scheduled articles are indexed too, with their {@code publishAt}:
 * queries filter on it, so an article becomes findable at its time without a reindex.
 */
public record ArticleDocument(
        long id,
        String slug,
        String title,
        String lead,
        String heroImageUrl,
        String bodyText,
        List<String> tags,
        Instant publishAt) {

    /** The article as a list shows it, from the index's copy: what search answers when the database cannot. */
    public ArticleSummary summary() {
        return new ArticleSummary(slug, title, lead, heroImageUrl, publishAt, tags);
    }
}
