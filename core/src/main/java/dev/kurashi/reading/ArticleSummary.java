package dev.kurashi.reading;

import java.time.Instant;
import java.util.List;

/** A published article as lists show it (the API's list item; the home page's featured articles). */
public record ArticleSummary(
        String slug, String title, String lead, String heroImageUrl, Instant publishedAt, List<String> tags) {}
