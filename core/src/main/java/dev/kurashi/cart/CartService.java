package dev.kurashi.cart;

import dev.kurashi.catalog.SkuLookup;
import dev.kurashi.common.DomainException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** A customer's one cart. Prices are always the catalog's current ones; an order snapshots them. */
@ApplicationScoped
public class CartService {

    private final CartMetrics metrics;
    private final CartRepository carts;
    private final CartItemRepository items;
    private final SkuLookup skus;
    private final ShippingConfig shipping;
    private final CartLimits.Config limits;

    public CartService(
            CartRepository carts,
            CartItemRepository items,
            SkuLookup skus,
            ShippingConfig shipping,
            CartMetrics metrics,
            CartLimits.Config limits) {
        this.metrics = metrics;
        this.carts = carts;
        this.items = items;
        this.skus = skus;
        this.shipping = shipping;
        this.limits = limits;
    }

    @Transactional
    @WithSpan
    public CartView view(long customerId) {
        return contents(customerId).view();
    }

    /**
     * Sets the quantity of a SKU (adding it if missing). An unknown, hidden or withdrawn SKU is not found;
     * a quantity outside 1..99 is invalid.
     */
    @Transactional
    @WithSpan
    public CartView setQuantity(long customerId, String sku, int quantity) {
        if (quantity < CartItem.MIN_QUANTITY || quantity > CartItem.MAX_QUANTITY) {
            throw DomainException.invalid(
                    "quantity must be between " + CartItem.MIN_QUANTITY + " and " + CartItem.MAX_QUANTITY);
        }
        SkuLookup.SkuInfo found = skus.findByCode(sku)
                .filter(SkuLookup.SkuInfo::purchasable)
                .orElseThrow(() -> DomainException.notFound("SKU", sku));
        carts.insertIfAbsent(customerId);
        items.upsert(customerId, found.skuId(), quantity);
        touch(customerId);
        // over the cap: the 422 rolls the new quantity back, and the add is not counted
        CartView view = view(customerId);
        metrics.added();
        return view;
    }

    /** Removes a SKU; removing one that is not in the cart changes nothing. An unknown SKU is not found. */
    @Transactional
    @WithSpan
    public CartView remove(long customerId, String sku) {
        SkuLookup.SkuInfo found = skus.findByCode(sku).orElseThrow(() -> DomainException.notFound("SKU", sku));
        if (items.deleteLine(customerId, found.skuId()) > 0) {
            touch(customerId);
        }
        return view(customerId);
    }

    /** The cart as checkout sees it, read inside the checkout's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public CartContents contents(long customerId) {
        List<CartLineRow> lines = items.listLines(customerId);
        long subtotal = 0;
        for (CartLineRow line : lines) {
            subtotal = CartLimits.add(subtotal, CartLimits.lineTotal(line.unitPriceJpy(), line.quantity()));
        }
        int subtotalJpy = CartLimits.capped(subtotal, limits.maxAmountJpy());
        return new CartContents(lines, subtotalJpy, shipping.feeFor(subtotalJpy));
    }

    /** Empties the cart once its order is placed, in the order's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public void clear(long customerId) {
        if (items.deleteByCustomer(customerId) > 0) {
            touch(customerId);
        }
    }

    /** Restarts the abandoned-cart clock (see {@link Cart#touch()}). */
    private void touch(long customerId) {
        carts.update("updatedAt = ?1, remindedAt = null where customerId = ?2", Instant.now(), customerId);
    }
}
