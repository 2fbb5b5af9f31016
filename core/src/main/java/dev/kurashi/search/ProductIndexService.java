package dev.kurashi.search;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductDocument;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        super(indices, new Products(catalog, config.productAlias()));
    }

    /** Products as the index holds them: by slug, paged by id. */
    private record Products(CatalogService catalog, String alias) implements SearchIndices.Contents<ProductDocument> {

        @Override
        public long buildLockKey() {
            return BUILD_LOCK_KEY;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", Map.of("type", "long"));
            properties.put("slug", Map.of("type", "keyword"));
            properties.put("name", SearchIndices.TEXT);
            properties.put("brand", SearchIndices.TEXT);
            properties.put("description", SearchIndices.TEXT);
            properties.put("category", Map.of("type", "keyword"));
            properties.put("categories", Map.of("type", "keyword"));
            properties.put("priceJpy", Map.of("type", "integer"));
            properties.put("inStock", Map.of("type", "boolean"));
            properties.put("imageUrl", Map.of("type", "keyword", "index", false));
            return properties;
        }

        @Override
        public Optional<ProductDocument> document(String slug) {
            return catalog.document(slug);
        }

        @Override
        public List<ProductDocument> documentsAfter(long afterId, int limit) {
            return catalog.documents(afterId, limit);
        }

        @Override
        public String id(ProductDocument d) {
            return d.slug();
        }

        @Override
        public long key(ProductDocument d) {
            return d.id();
        }

        @Override
        public Map<String, Object> source(ProductDocument d) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", d.id());
            source.put("slug", d.slug());
            source.put("name", d.name());
            source.put("brand", d.brand());
            source.put("description", d.description());
            source.put("category", d.category());
            source.put("categories", d.categories());
            source.put("priceJpy", d.priceJpy());
            source.put("inStock", d.inStock());
            source.put("imageUrl", d.imageUrl());
            return source;
        }
    }
}
