package dev.kurashi.batchworker;

import dev.kurashi.search.ArticleIndexService;
import dev.kurashi.search.ProductIndexService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Full search reindex: each index is built anew behind its alias and the alias swapped in one atomic request, so
 * searches answer from the old index until the new one is complete; the old index is then deleted.
 */
@ApplicationScoped
public class ReindexJob implements BatchJob {

    private final ProductIndexService products;
    private final ArticleIndexService articles;

    public ReindexJob(ProductIndexService products, ArticleIndexService articles) {
        this.products = products;
        this.articles = articles;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String run(JobOptions options) {
        int productCount = products.rebuild();
        int articleCount = articles.rebuild();
        return "products=" + productCount + " articles=" + articleCount;
    }
}
