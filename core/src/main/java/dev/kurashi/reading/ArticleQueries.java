package dev.kurashi.reading;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.cache.StaleIfErrorCache;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Small reads of articles for other pages (the product page's related articles). */
@ApplicationScoped
public class ArticleQueries {

    /** A product page lists at most this many related articles. */
    static final int RELATED_MAX = 6;

    private final ArticleRepository articles;
    private final ArticleService service;
    private final StaleIfErrorCache<Long, List<ArticleLink>> relatedCache;

    public ArticleQueries(ArticleRepository articles, ArticleService service, ReadCaches caches) {
        this.articles = articles;
        this.service = service;
        this.relatedCache = caches.create("related-articles");
    }

    /** Published articles featuring the product, newest first; drafts and scheduled ones are left out. */
    @WithSpan
    public List<ArticleLink> relatedToProduct(long productId) {
        service.expireScheduled();
        return relatedCache.get(productId, () -> QuarkusTransaction.joiningExisting()
                .call(() -> articles.listPublishedFeaturing(productId, RELATED_MAX).stream()
                        .map(a -> new ArticleLink(a.slug, a.title))
                        .toList()));
    }

    /** An article as other pages link to it. */
    public record ArticleLink(String slug, String title) {}
}
