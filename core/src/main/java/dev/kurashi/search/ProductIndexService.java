package dev.kurashi.search;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDocument;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The product index: active products behind the alias {@code kurashi.search.product-alias} ({@code products}),
 * kept by {@link SearchIndices}. The queue-worker calls {@link #index(String)} for each {@code ProductChanged};
 * the nightly batch and a first start call {@link #rebuild()}.
 */
// A singleton, not a normal-scoped bean: no client proxy, so the base class needs no no-args constructor.
@Singleton
public class ProductIndexService extends AliasedIndex<ProductDocument> {

    /** pg_advisory_xact_lock key ("kurashi" + 2): nodes starting together build the index once. */
    static final long BUILD_LOCK_KEY = 0x6b75726173686902L;

    public ProductIndexService(SearchIndices indices, CatalogService catalog, SearchConfig config) {
        super(
                indices,
                new SearchIndices.Contents<>(
                        config.productAlias(),
                        BUILD_LOCK_KEY,
                        SearchIndices.fields(
                                "id", Map.of("type", "long"),
                                "slug", Map.of("type", "keyword"),
                                "name", SearchIndices.TEXT,
                                "brand", SearchIndices.TEXT,
                                "description", SearchIndices.TEXT,
                                "category", Map.of("type", "keyword"),
                                "categories", Map.of("type", "keyword"),
                                "priceJpy", Map.of("type", "integer"),
                                "inStock", Map.of("type", "boolean"),
                                "imageUrl", Map.of("type", "keyword", "index", false)),
                        catalog::document,
                        catalog::documents,
                        ProductDocument::slug,
                        ProductDocument::id,
                        d -> SearchIndices.fields(
                                "id", d.id(),
                                "slug", d.slug(),
                                "name", d.name(),
                                "brand", d.brand(),
                                "description", d.description(),
                                "category", d.category(),
                                "categories", d.categories(),
                                "priceJpy", d.priceJpy(),
                                "inStock", d.inStock(),
                                "imageUrl", d.imageUrl())));
    }
}
