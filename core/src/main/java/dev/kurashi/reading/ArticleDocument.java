package dev.kurashi.reading;

import java.time.Instant;
import java.util.List;

/**
 * An article as the search index holds it. Scheduled articles are indexed too, with their {@code publishAt}:
 * queries filter on it, so an article becomes findable at its time without a reindex.
 */
public record ArticleDocument(
        long id, String slug, String title, String lead, String bodyText, List<String> tags, Instant publishAt) {}
