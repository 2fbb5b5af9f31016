package dev.kurashi.reading;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Small reads of articles for other pages (the product page's related articles). */
@ApplicationScoped
public class ArticleQueries {

    /** A product page lists at most this many related articles. */
    static final int RELATED_MAX = 6;

    private final ArticleRepository articles;

    public ArticleQueries(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Published articles featuring the product, newest first; drafts and scheduled ones are left out. */
    @Transactional
    @WithSpan
    public List<ArticleLink> relatedToProduct(long productId) {
        return articles.listPublishedFeaturing(productId, RELATED_MAX).stream()
                .map(a -> new ArticleLink(a.slug, a.title))
                .toList();
    }

    /** An article as other pages link to it. */
    public record ArticleLink(String slug, String title) {}
}
