package dev.kurashi.customer;

import dev.kurashi.catalog.CatalogService;
import dev.kurashi.catalog.ProductSummary;
import dev.kurashi.common.DomainException;
import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import dev.kurashi.common.TimeKey;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * A customer's favorite products. A favorite on a sold-out product is also the customer's subscription to
 * its restock notification (the notification feature reads favorites when stock comes back).
 */
@ApplicationScoped
public class FavoriteService {

    /** Later than any favorite, and still a value PostgreSQL's timestamptz can hold. */
    private static final Instant NEWEST = Instant.parse("9999-12-31T00:00:00Z");

    private final FavoriteRepository favorites;
    private final CatalogService catalog;

    public FavoriteService(FavoriteRepository favorites, CatalogService catalog) {
        this.favorites = favorites;
        this.catalog = catalog;
    }

    /** Adds a favorite; adding it again changes nothing. An unknown or withdrawn product is not found. */
    @Transactional
    @WithSpan
    public void add(long customerId, String productSlug) {
        favorites.insertIfAbsent(customerId, productId(productSlug));
    }

    /** Removes a favorite; removing one that is not there changes nothing. An unknown product is not found. */
    @Transactional
    @WithSpan
    public void remove(long customerId, String productSlug) {
        favorites.remove(customerId, productId(productSlug));
    }

    /**
     * The customer's favorites as product list items, newest first, keyset-paged on (createdAt, productId):
     * a constant number of queries whatever the page size. Withdrawn products are left out of a page.
     */
    @Transactional
    @WithSpan
    public Page<ProductSummary> list(long customerId, PageRequest page) {
        Instant before = NEWEST;
        long beforeProductId = Long.MAX_VALUE;
        TimeKey<Long> after = TimeKey.parse(page.afterKey(), Long::parseLong);
        if (after != null) {
            before = after.at();
            beforeProductId = after.id();
        }
        List<Favorite> rows = favorites.listByCustomer(customerId, before, beforeProductId, page.limit() + 1);
        Page<Favorite> favoritesPage = page.page(rows, f -> TimeKey.of(f.createdAt, f.productId));
        List<ProductSummary> items = catalog.summaries(
                favoritesPage.items().stream().map(f -> f.productId).toList());
        return new Page<>(items, favoritesPage.nextCursor());
    }

    /**
     * Customers who favorited the product (its restock notification goes to them); none for an unknown or
     * withdrawn product. Not transactional itself: the catalog's not-found would mark a surrounding transaction
     * for rollback, so the product lookup and the favorites query each run in their own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @WithSpan
    public List<Long> customerIdsFavoriting(String productSlug) {
        long productId;
        try {
            productId = catalog.product(productSlug).id();
        } catch (DomainException notFound) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> favorites.listCustomerIdsByProduct(productId));
    }

    private long productId(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{3,80}")) {
            throw DomainException.notFound("Product", String.valueOf(slug));
        }
        return catalog.product(slug).id();
    }
}
