package dev.kurashi.seed;

/** What the database holds, as the seed sees it (for logs and tests). */
public record SeedCounts(
        long categories,
        long products,
        long skus,
        long soldOutProducts,
        long reducedRateProducts,
        long articles,
        long publishedArticles) {}
