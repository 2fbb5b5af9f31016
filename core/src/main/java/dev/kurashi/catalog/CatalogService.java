package dev.kurashi.catalog;

import dev.kurashi.cache.ReadCaches;
import dev.kurashi.cache.StaleIfErrorCache;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.inventory.InventoryService;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as shoppers and the search index read it. Shopper reads (categories, product lists, new arrivals,
 * product pages, search hits) come from {@link CatalogReader} on the read datasource through stale-if-error read
 * caches that every staff change and stock-availability flip invalidates on every task (ADR 1001); a page costs
 * one query whatever its size. Index documents are read from the writer, uncached, so the index sees what was
 * just committed.
 */
@ApplicationScoped
public class CatalogService {

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final SkuRepository skus;
    private final ProductImageRepository images;
    private final InventoryService inventory;
    private final CatalogReader reader;
    private final StaleIfErrorCache<String, List<CatalogReader.CategoryRow>> categoryCache;
    private final StaleIfErrorCache<String, ProductDetail> productCache;
    private final StaleIfErrorCache<ListKey, Page<ProductSummary>> listCache;
    private final StaleIfErrorCache<Integer, List<ProductSummary>> newestCache;
    private final StaleIfErrorCache<List<Long>, List<ProductSummary>> summaryCache;

    public CatalogService(
            CategoryRepository categories,
            ProductRepository products,
            SkuRepository skus,
            ProductImageRepository images,
            InventoryService inventory,
            CatalogReader reader,
            ReadCaches caches) {
        this.categories = categories;
        this.products = products;
        this.skus = skus;
        this.images = images;
        this.inventory = inventory;
        this.reader = reader;
        this.categoryCache = caches.create("categories");
        this.productCache = caches.create("products");
        this.listCache = caches.create("product-lists");
        this.newestCache = caches.create("new-arrivals");
        this.summaryCache = caches.create("product-summaries");
    }

    private record ListKey(String category, long afterId, int limit) {}

    @WithSpan
    public List<CategoryView> categories() {
        List<CatalogReader.CategoryRow> rows = categoryRows();
        Map<Long, String> slugs = new HashMap<>();
        rows.forEach(c -> slugs.put(c.id(), c.slug()));
        return rows.stream()
                .map(c -> new CategoryView(c.slug(), c.name(), c.parentId() == null ? null : slugs.get(c.parentId())))
                .toList();
    }

    /** The top-level categories in display order: the category bar of every storefront and reading page. */
    public List<CategoryView> topCategories() {
        return categories().stream().filter(c -> c.parent() == null).toList();
    }

    /**
     * Active products, oldest first (keyset on id), optionally of a category and its sub-categories.
     * An unknown category is NOT_FOUND.
     */
    @WithSpan
    public Page<ProductSummary> listProducts(String categorySlug, PageRequest page) {
        Long after = page.afterId();
        String category = categorySlug == null || categorySlug.isBlank() ? null : categorySlug;
        ListKey key = new ListKey(category, after == null ? 0 : after, page.limit());
        return listCache.get(key, () -> {
            List<Long> categoryIds = category == null
                    ? null
                    : categoryAndDescendants(category)
                            .orElseThrow(() -> DomainException.notFound("Category", categorySlug));
            List<ProductSummary> rows = reader.listActive(key.afterId(), categoryIds, key.limit() + 1);
            return page.page(rows, p -> String.valueOf(p.id()));
        });
    }

    /** The newest active products, newest first (the storefront's new arrivals). */
    @WithSpan
    public List<ProductSummary> newArrivals(int limit) {
        return newestCache.get(limit, () -> reader.newest(limit));
    }

    /** An active product's page, with its visible SKUs. */
    @WithSpan
    public ProductDetail product(String slug) {
        return productCache.get(
                slug, () -> reader.product(slug).orElseThrow(() -> DomainException.notFound("Product", slug)));
    }

    /**
     * An active product's page read from the writer inside the caller's transaction, uncached: what a staff write
     * answers, before it commits (the reader would not see it yet).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public ProductDetail productAsWritten(String slug) {
        Product product = products.findActiveBySlug(slug).orElseThrow(() -> DomainException.notFound("Product", slug));
        List<Sku> visible = skus.listVisibleByProduct(product.id);
        Map<Long, Integer> onHand = inventory.onHand(ids(visible, s -> s.id));
        List<SkuView> skuViews = visible.stream()
                .map(s -> new SkuView(s.code, s.label, s.priceJpy, onHand.getOrDefault(s.id, 0) > 0))
                .toList();
        List<String> imageUrls =
                images.listByProduct(product.id).stream().map(i -> i.url).toList();
        return new ProductDetail(
                product.id,
                product.slug,
                product.name,
                product.brand,
                product.description,
                product.category.slug,
                imageUrls,
                product.taxRate,
                skuViews);
    }

    /** Active products by id, in the order given (search hits); unknown or inactive ids are left out. */
    @WithSpan
    public List<ProductSummary> summaries(List<Long> ids) {
        List<Long> key = List.copyOf(ids);
        return summaryCache.get(key, () -> reader.byIds(key));
    }

    /**
     * Search without the search engine: active products whose name, brand or description contain every term
     * through one of its spellings (each term comes with its alternatives: kana forms, synonyms; lower-cased,
     * width-folded), ranked like the engine: terms found in the name, then in the brand, then in stock first.
     * A pg_trgm index serves the LIKE (see V2__search_fallback.sql).
     */
    @Transactional
    @WithSpan
    public List<ProductSummary> searchText(List<List<String>> terms, String categorySlug, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT p.id FROM products p WHERE p.active");
        StringBuilder score = new StringBuilder("0");
        List<String> patterns = new ArrayList<>();
        for (List<String> spellings : terms) {
            String any = anyLike(spellings, patterns, "lower(p.name || ' ' || p.brand || ' ' || p.description)");
            sql.append(" AND ").append(any);
            score.append(" + (CASE WHEN ")
                    .append(anyLike(spellings, patterns, "lower(p.name)"))
                    .append(" THEN 4 WHEN ")
                    .append(anyLike(spellings, patterns, "lower(p.brand)"))
                    .append(" THEN 2 ELSE 0 END)");
        }
        List<Long> categoryIds = null;
        if (categorySlug != null && !categorySlug.isBlank()) {
            categoryIds = categoryAndDescendants(categorySlug).orElse(List.of(-1L));
            sql.append(" AND p.category_id IN (?").append(patterns.size() + 1).append(")");
        }
        sql.append(" ORDER BY ").append(score).append(" DESC, p.id LIMIT ").append(limit);
        var query = products.getEntityManager().createNativeQuery(sql.toString(), Long.class);
        for (int i = 0; i < patterns.size(); i++) {
            query.setParameter(i + 1, patterns.get(i));
        }
        if (categoryIds != null) {
            query.setParameter(patterns.size() + 1, categoryIds);
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = query.getResultList();
        List<ProductSummary> found = new ArrayList<>(summaries(ids));
        found.sort(Comparator.comparing(ProductSummary::inStock).reversed());
        return found;
    }

    /** {@code (column LIKE ?n OR column LIKE ?n+1 ...)}, one positional parameter per spelling, added to patterns. */
    private static String anyLike(List<String> spellings, List<String> patterns, String column) {
        StringBuilder any = new StringBuilder("(");
        for (String spelling : spellings) {
            patterns.add("%" + escapeLike(spelling.toLowerCase(java.util.Locale.ROOT)) + "%");
            any.append(any.length() > 1 ? " OR " : "")
                    .append(column)
                    .append(" LIKE ?")
                    .append(patterns.size())
                    .append(" ESCAPE '\\'");
        }
        return any.append(")").toString();
    }

    /** The index document of an active product; empty when it does not exist or is inactive. */
    @Transactional
    @WithSpan
    public Optional<ProductDocument> document(String slug) {
        return products.findActiveBySlug(slug).map(p -> documents(List.of(p)).getFirst());
    }

    /** Index documents of active products with an id above {@code afterId}, by id, for a full index build. */
    @Transactional
    @WithSpan
    public List<ProductDocument> documents(long afterId, int limit) {
        return documents(products.listActive(afterId, limit));
    }

    private List<ProductDocument> documents(List<Product> page) {
        Map<Long, Category> tree = categoryTree();
        Map<Long, PriceAndStock> offers = offers(ids(page, p -> p.id));
        Map<Long, String> firstImages = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            images.listByProducts(ids(page, p -> p.id)).forEach(i -> firstImages.putIfAbsent(i.product.id, i.url));
        }
        List<ProductDocument> result = new ArrayList<>(page.size());
        for (Product p : page) {
            List<String> path = new ArrayList<>();
            for (Category c = tree.get(p.category.id); c != null; c = c.parent == null ? null : tree.get(c.parent.id)) {
                path.add(c.slug);
            }
            PriceAndStock offer = offers.getOrDefault(p.id, PriceAndStock.NONE);
            result.add(new ProductDocument(
                    p.id,
                    p.slug,
                    p.name,
                    p.brand,
                    p.description,
                    path.getFirst(),
                    List.copyOf(path),
                    offer.lowestPrice(),
                    firstImages.get(p.id),
                    offer.inStock()));
        }
        return result;
    }

    /** Lowest visible price and availability per product: two queries for any number of products. */
    private Map<Long, PriceAndStock> offers(List<Long> productIds) {
        List<Sku> visible = skus.listVisibleByProducts(productIds);
        Map<Long, Integer> onHand = inventory.onHand(ids(visible, s -> s.id));
        Map<Long, PriceAndStock> result = new LinkedHashMap<>();
        for (Sku sku : visible) {
            boolean available = onHand.getOrDefault(sku.id, 0) > 0;
            result.merge(
                    sku.product.id,
                    new PriceAndStock(sku.priceJpy, available),
                    (a, b) ->
                            new PriceAndStock(Math.min(a.lowestPrice(), b.lowestPrice()), a.inStock() || b.inStock()));
        }
        return result;
    }

    private List<CatalogReader.CategoryRow> categoryRows() {
        return categoryCache.get("all", reader::categories);
    }

    /** The category's id and its descendants' ids, from the cached tree; empty when the slug is unknown. */
    private Optional<List<Long>> categoryAndDescendants(String slug) {
        List<CatalogReader.CategoryRow> rows = categoryRows();
        Optional<CatalogReader.CategoryRow> root =
                rows.stream().filter(c -> c.slug().equals(slug)).findFirst();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<Long> result = new ArrayList<>(List.of(root.get().id()));
        for (int i = 0; i < result.size(); i++) {
            long parent = result.get(i);
            rows.stream()
                    .filter(c -> c.parentId() != null && c.parentId() == parent && !result.contains(c.id()))
                    .forEach(c -> result.add(c.id()));
        }
        return Optional.of(List.copyOf(result));
    }

    /** Every category by id; the tree is small and fetched with parents in one query. */
    private Map<Long, Category> categoryTree() {
        return categories.listInDisplayOrder().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static <T> List<Long> ids(Collection<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).distinct().toList();
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record PriceAndStock(Integer lowestPrice, boolean inStock) {
        static final PriceAndStock NONE = new PriceAndStock(null, false);
    }
}
