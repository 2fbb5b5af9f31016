package dev.kurashi.shop.catalog;

import dev.kurashi.catalog.ProductDetail;
import dev.kurashi.catalog.SkuView;
import dev.kurashi.reading.ArticleQueries.ArticleLink;
import java.util.List;

/** {@code GET /products/{slug}} as docs/api.md writes it: the catalog's product plus its related articles. */
public record ProductDetailResponse(
        long id,
        String slug,
        String name,
        String brand,
        String description,
        String category,
        List<String> images,
        int taxRate,
        List<SkuView> skus,
        List<ArticleLink> relatedArticles) {

    static ProductDetailResponse of(ProductDetail p, List<ArticleLink> relatedArticles) {
        return new ProductDetailResponse(
                p.id(),
                p.slug(),
                p.name(),
                p.brand(),
                p.description(),
                p.category(),
                p.images(),
                p.taxRate(),
                p.skus(),
                relatedArticles);
    }
}
