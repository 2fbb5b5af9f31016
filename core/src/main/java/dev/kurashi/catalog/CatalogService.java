package dev.kurashi.catalog;

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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as shoppers and the search index read it. A page of products costs the same number of queries
 * whatever its size: products, then the visible SKUs, their stock and the images of the whole page at once.
 */
@ApplicationScoped
public class CatalogService {

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final SkuRepository skus;
    private final ProductImageRepository images;
    private final InventoryService inventory;

    public CatalogService(
            CategoryRepository categories,
            ProductRepository products,
            SkuRepository skus,
            ProductImageRepository images,
            InventoryService inventory) {
        this.categories = categories;
        this.products = products;
        this.skus = skus;
        this.images = images;
        this.inventory = inventory;
    }

    @Transactional
    @WithSpan
    public List<CategoryView> categories() {
        return categories.listInDisplayOrder().stream()
                .map(c -> new CategoryView(c.slug, c.name, c.parent == null ? null : c.parent.slug))
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
    @Transactional
    @WithSpan
    public Page<ProductSummary> listProducts(String categorySlug, PageRequest page) {
        Long after = page.afterId();
        long afterId = after == null ? 0 : after;
        List<Product> rows;
        if (categorySlug == null || categorySlug.isBlank()) {
            rows = products.listActive(afterId, page.limit() + 1);
        } else {
            List<Long> categoryIds = categoryAndDescendants(categorySlug)
                    .orElseThrow(() -> DomainException.notFound("Category", categorySlug));
            rows = products.listActiveInCategories(categoryIds, afterId, page.limit() + 1);
        }
        Page<Product> products = page.page(rows, p -> String.valueOf(p.id));
        return new Page<>(summarize(products.items()), products.nextCursor());
    }

    /** The newest active products, newest first (the storefront's new arrivals). */
    @Transactional
    @WithSpan
    public List<ProductSummary> newArrivals(int limit) {
        return summarize(products.listNewest(limit));
    }

    /** An active product's page, with its visible SKUs. */
    @Transactional
    @WithSpan
    public ProductDetail product(String slug) {
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
    @Transactional
    @WithSpan
    public List<ProductSummary> summaries(List<Long> ids) {
        Map<Long, Product> byId = products.listActiveByIds(ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a));
        List<Product> ordered = ids.stream()
                .distinct()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        return summarize(ordered);
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
                    offer.inStock()));
        }
        return result;
    }

    private List<ProductSummary> summarize(List<Product> page) {
        List<Long> productIds = ids(page, p -> p.id);
        Map<Long, PriceAndStock> offers = offers(productIds);
        Map<Long, String> firstImage = new HashMap<>();
        for (ProductImage image : images.listByProducts(productIds)) {
            firstImage.putIfAbsent(image.product.id, image.url);
        }
        return page.stream()
                .map(p -> {
                    PriceAndStock offer = offers.getOrDefault(p.id, PriceAndStock.NONE);
                    return new ProductSummary(
                            p.id, p.slug, p.name, p.brand, offer.lowestPrice(), firstImage.get(p.id), offer.inStock());
                })
                .toList();
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

    private Optional<List<Long>> categoryAndDescendants(String slug) {
        Map<Long, Category> tree = categoryTree();
        Optional<Category> root =
                tree.values().stream().filter(c -> c.slug.equals(slug)).findFirst();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<Long> result = new ArrayList<>(List.of(root.get().id));
        Set<Long> frontier = Set.of(root.get().id);
        while (!frontier.isEmpty()) {
            Set<Long> parents = frontier;
            frontier = tree.values().stream()
                    .filter(c -> c.parent != null && parents.contains(c.parent.id))
                    .map(c -> c.id)
                    .filter(id -> !result.contains(id))
                    .collect(Collectors.toSet());
            result.addAll(frontier);
        }
        return Optional.of(result);
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
