package dev.kurashi.shop.web;

import dev.kurashi.cart.CartLimits;
import dev.kurashi.cart.CartService;
import dev.kurashi.cart.CartView;
import dev.kurashi.cart.ShippingConfig;
import dev.kurashi.catalog.SkuLookup;
import dev.kurashi.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The cart behind the web pages: the customer's cart when signed in, the guest cart cookie otherwise, and the
 * move of a guest cart into the customer's cart after sign-in.
 */
@ApplicationScoped
public class WebCart {

    private final CartService carts;
    private final SkuLookup skus;
    private final ShippingConfig shipping;
    private final CartLimits.Config limits;

    public WebCart(CartService carts, SkuLookup skus, ShippingConfig shipping, CartLimits.Config limits) {
        this.limits = limits;
        this.carts = carts;
        this.skus = skus;
        this.shipping = shipping;
    }

    CartModel customerCart(long customerId) {
        return model(carts.view(customerId));
    }

    /** Items in a customer's cart, for the header's badge on personal pages. */
    int count(long customerId) {
        return customerCart(customerId).count();
    }

    /** A guest cart priced from the catalog; lines no longer for sale are left out. */
    CartModel guestCart(List<GuestCart.Line> lines) {
        Map<String, SkuLookup.SkuInfo> found =
                skus.byCodes(lines.stream().map(GuestCart.Line::sku).toList());
        List<PageLine> result = new ArrayList<>();
        long sum = 0;
        for (GuestCart.Line line : lines) {
            SkuLookup.SkuInfo sku = found.get(line.sku());
            if (sku == null || !sku.purchasable()) {
                continue;
            }
            // bounded by PRICE_MAX × 99, so an int; the sum is checked against the cart cap (issue 12)
            int total = Math.toIntExact(CartLimits.lineTotal(sku.priceJpy(), line.quantity()));
            sum = CartLimits.add(sum, total);
            result.add(new PageLine(
                    sku.code(),
                    sku.productSlug(),
                    sku.productName() + "（" + sku.label() + "）",
                    line.quantity(),
                    sku.priceJpy(),
                    total,
                    sku.taxRate() == 8));
        }
        int subtotal = CartLimits.capped(sum, limits.maxAmountJpy());
        int fee = shipping.feeFor(subtotal);
        return new CartModel(result, subtotal, fee, subtotal + fee, shipping.freeFromJpy());
    }

    /** Adds {@code quantity} of a SKU to the customer's cart (up to 99 in all). */
    CartModel add(long customerId, String sku, int quantity) {
        int current = carts.view(customerId).lines().stream()
                .filter(l -> l.sku().equals(sku))
                .mapToInt(CartView.Line::quantity)
                .sum();
        return model(carts.setQuantity(customerId, sku, Math.min(GuestCart.MAX_QUANTITY, current + quantity)));
    }

    CartModel setQuantity(long customerId, String sku, int quantity) {
        return model(carts.setQuantity(customerId, sku, quantity));
    }

    CartModel remove(long customerId, String sku) {
        return model(carts.remove(customerId, sku));
    }

    /** Moves guest lines into the customer's cart; lines that cannot be bought any more are dropped. */
    void merge(long customerId, Collection<GuestCart.Line> lines) {
        for (GuestCart.Line line : lines) {
            try {
                add(customerId, line.sku(), line.quantity());
            } catch (DomainException e) {
                // withdrawn since it was added: nothing to move
            }
        }
    }

    /** The product of a SKU. */
    String productSlug(String sku) {
        return skus.findByCode(sku).map(SkuLookup.SkuInfo::productSlug).orElse(null);
    }

    /** Whether a SKU may be put in a cart now. */
    boolean purchasable(String sku) {
        return skus.findByCode(sku).map(SkuLookup.SkuInfo::purchasable).orElse(false);
    }

    /** Tax rate per SKU code, for marking reduced-rate lines (軽減税率) on orders. */
    Map<String, Short> taxRates(Collection<String> codes) {
        Map<String, Short> result = new java.util.HashMap<>();
        skus.byCodes(codes).forEach((code, info) -> result.put(code, info.taxRate()));
        return result;
    }

    private CartModel model(CartView view) {
        Map<String, Short> rates =
                taxRates(view.lines().stream().map(CartView.Line::sku).toList());
        List<PageLine> lines = view.lines().stream()
                .map(l -> new PageLine(
                        l.sku(),
                        l.productSlug(),
                        l.name(),
                        l.quantity(),
                        l.unitPriceJpy(),
                        l.lineTotalJpy(),
                        rates.getOrDefault(l.sku(), (short) 10) == 8))
                .toList();
        return new CartModel(lines, view.subtotalJpy(), view.shippingJpy(), view.totalJpy(), shipping.freeFromJpy());
    }
}
