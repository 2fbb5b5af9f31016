package dev.kurashi.catalog;

import dev.kurashi.common.DomainException;
import dev.kurashi.inventory.InventoryService;
import dev.kurashi.inventory.InventoryService.StockChange;
import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Staff changes to the catalog. Every change appends {@link ProductChanged} to the outbox in its own
 * transaction, so the search index hears of exactly the changes that committed.
 *
 * <p>SKUs are never deleted: a SKU left out of a replace is hidden (whether it was ordered or not), which keeps
 * order lines, carts and its code intact; listing the code again in a later replace shows it again.
 */
@ApplicationScoped
public class ProductAdminService {

    private static final Pattern SLUG = Pattern.compile(ProductRules.SLUG);
    private static final Pattern SKU = Pattern.compile(ProductRules.SKU);
    private static final Pattern IMAGE_URL = Pattern.compile(ProductRules.IMAGE_URL);

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final SkuRepository skus;
    private final InventoryService inventory;
    private final CatalogService catalog;
    private final Outbox outbox;

    public ProductAdminService(
            CategoryRepository categories,
            ProductRepository products,
            SkuRepository skus,
            InventoryService inventory,
            CatalogService catalog,
            Outbox outbox) {
        this.categories = categories;
        this.products = products;
        this.skus = skus;
        this.inventory = inventory;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** Creates a product; its SKUs start with 0 on hand. A taken slug or SKU code is CONFLICT. */
    @Transactional
    @WithSpan
    public ProductDetail create(SaveProductCommand command) {
        validate(command);
        Category category = category(command.category());
        if (products.findBySlug(command.slug()).isPresent()) {
            throw taken("slug", "Product slug '" + command.slug() + "' is already taken");
        }
        List<Sku> takenSkus = skus.listByCodes(codes(command));
        if (!takenSkus.isEmpty()) {
            throw taken("skus", "SKU '" + takenSkus.getFirst().code + "' is already taken");
        }
        Product product = new Product();
        apply(product, command, category);
        persisting(() -> {
            products.persist(product);
            for (int i = 0; i < command.skus().size(); i++) {
                addSku(product, command.skus().get(i), i);
            }
            products.flush();
        });
        outbox.append(new ProductChanged(product.slug));
        return catalog.productAsWritten(product.slug);
    }

    /**
     * Replaces a product (any, active or not) by what the command says. The slug may change if the new one is
     * free; both slugs then get a {@link ProductChanged} so the index drops the old one.
     */
    @Transactional
    @WithSpan
    public ProductDetail replace(String slug, SaveProductCommand command) {
        validate(command);
        Product product = products.findBySlug(slug).orElseThrow(() -> DomainException.notFound("Product", slug));
        Category category = category(command.category());
        if (!command.slug().equals(slug) && products.findBySlug(command.slug()).isPresent()) {
            throw taken("slug", "Product slug '" + command.slug() + "' is already taken");
        }
        for (Sku other : skus.listByCodes(codes(command))) {
            if (!other.product.id.equals(product.id)) {
                throw taken("skus", "SKU '" + other.code + "' belongs to another product");
            }
        }
        Map<String, Sku> existing = skus.list("product.id", product.id).stream()
                .collect(Collectors.toMap(s -> s.code, Function.identity()));
        persisting(() -> {
            apply(product, command, category);
            Set<String> kept = new HashSet<>();
            for (int i = 0; i < command.skus().size(); i++) {
                SaveProductCommand.SkuLine line = command.skus().get(i);
                Sku sku = existing.get(line.sku());
                if (sku == null) {
                    addSku(product, line, i);
                } else {
                    sku.label = line.label();
                    sku.priceJpy = line.priceJpy();
                    sku.hidden = false;
                    sku.sortOrder = i;
                }
                kept.add(line.sku());
            }
            existing.values().stream().filter(s -> !kept.contains(s.code)).forEach(s -> s.hidden = true);
            products.flush();
        });
        outbox.append(new ProductChanged(product.slug));
        if (!slug.equals(product.slug)) {
            outbox.append(new ProductChanged(slug));
        }
        return catalog.productAsWritten(product.slug);
    }

    /**
     * Sets a SKU's on-hand stock. From 0 to more, inventory writes {@code StockReplenished}; whenever the SKU's
     * availability flips, the product's {@link ProductChanged} follows (the index holds {@code inStock}).
     */
    @Transactional
    @WithSpan
    public StockLevel setStock(String skuCode, int quantity) {
        if (quantity < 0 || quantity > ProductRules.STOCK_MAX) {
            throw invalid("quantity", "must be between 0 and " + ProductRules.STOCK_MAX);
        }
        Sku sku = skus.findByCode(skuCode).orElseThrow(() -> DomainException.notFound("SKU", skuCode));
        String productSlug = sku.product.slug;
        StockChange change = inventory.setOnHand(sku.id, sku.code, productSlug, quantity);
        if (change.availabilityChanged()) {
            outbox.append(new ProductChanged(productSlug));
        }
        return new StockLevel(sku.code, change.after());
    }

    /** A SKU's on-hand stock after a stock-take. */
    public record StockLevel(String sku, int quantity) {}

    private void addSku(Product product, SaveProductCommand.SkuLine line, int sortOrder) {
        Sku sku = new Sku();
        sku.product = product;
        sku.code = line.sku();
        sku.label = line.label();
        sku.priceJpy = line.priceJpy();
        sku.sortOrder = sortOrder;
        skus.persist(sku);
        product.skus.add(sku);
        inventory.ensureStockRow(sku.id);
    }

    private static void apply(Product product, SaveProductCommand command, Category category) {
        product.slug = command.slug();
        product.name = command.name();
        product.brand = command.brand();
        product.description = command.description();
        product.category = category;
        product.taxRate = (short) command.taxRate();
        product.active = true;
        product.images.clear();
        for (int i = 0; i < command.images().size(); i++) {
            ProductImage image = new ProductImage();
            image.product = product;
            image.url = command.images().get(i);
            image.alt = command.name();
            image.sortOrder = i + 1;
            product.images.add(image);
        }
    }

    private Category category(String slug) {
        return categories.findBySlug(slug).orElseThrow(() -> invalid("category", "unknown category '" + slug + "'"));
    }

    /** The same rules as the request records, for callers other than the REST API. */
    private static void validate(SaveProductCommand c) {
        check(c.slug() != null && SLUG.matcher(c.slug()).matches(), "slug", "must match " + ProductRules.SLUG);
        check(length(c.name(), 1, ProductRules.NAME_MAX), "name", "length must be 1 to " + ProductRules.NAME_MAX);
        check(length(c.brand(), 1, ProductRules.BRAND_MAX), "brand", "length must be 1 to " + ProductRules.BRAND_MAX);
        check(
                length(c.description(), 1, ProductRules.DESCRIPTION_MAX),
                "description",
                "length must be 1 to " + ProductRules.DESCRIPTION_MAX);
        check(c.category() != null, "category", "is required");
        check(Product.isValidTaxRate(c.taxRate()), "taxRate", "must be 10 or 8");
        check(c.images() != null && c.images().size() <= ProductRules.IMAGES_MAX, "images", "at most 10");
        for (String url : c.images()) {
            check(url != null && IMAGE_URL.matcher(url).matches(), "images", "must be a local path or an https URL");
        }
        check(
                c.skus() != null && !c.skus().isEmpty() && c.skus().size() <= ProductRules.SKUS_MAX,
                "skus",
                "1 to " + ProductRules.SKUS_MAX + " SKUs");
        Set<String> seen = new HashSet<>();
        for (SaveProductCommand.SkuLine line : c.skus()) {
            check(
                    line.sku() != null && SKU.matcher(line.sku()).matches(),
                    "skus",
                    "sku must match " + ProductRules.SKU);
            check(seen.add(line.sku()), "skus", "SKU '" + line.sku() + "' is listed twice");
            check(length(line.label(), 1, ProductRules.SKU_LABEL_MAX), "skus", "label length must be 1 to 100");
            check(
                    line.priceJpy() >= ProductRules.PRICE_MIN && line.priceJpy() <= ProductRules.PRICE_MAX,
                    "skus",
                    "priceJpy must be between 1 and 10000000");
        }
    }

    private static boolean length(String value, int min, int max) {
        return value != null && !value.isBlank() && value.length() >= min && value.length() <= max;
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw invalid(field, message);
        }
    }

    private static List<String> codes(SaveProductCommand command) {
        return command.skus().stream().map(SaveProductCommand.SkuLine::sku).toList();
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(
                DomainException.Kind.INVALID,
                "Invalid request",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    private static DomainException taken(String field, String detail) {
        return new DomainException(
                DomainException.Kind.CONFLICT,
                "Conflict",
                detail,
                Map.of("errors", List.of(Map.of("field", field, "message", "is already taken"))));
    }

    /**
     * Runs writes whose unique constraints may still fire when two staff members race for one slug or SKU
     * after both passed the checks above, or whose version check fails; both are conflicts, not errors.
     */
    private static void persisting(Runnable writes) {
        try {
            writes.run();
        } catch (OptimisticLockException e) {
            throw DomainException.conflict("The product was changed concurrently; reload and retry");
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw DomainException.conflict("The slug or a SKU code is already taken");
            }
            throw e;
        }
    }
}
