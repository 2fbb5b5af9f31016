package dev.kurashi.cart;

import java.util.List;

/** A customer's cart with everything checkout needs; amounts are tax-included yen. */
public record CartContents(List<CartLineRow> lines, int subtotalJpy, int shippingJpy) {

    public int totalJpy() {
        return subtotalJpy + shippingJpy;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public CartView view() {
        return new CartView(
                lines.stream()
                        .map(line -> new CartView.Line(
                                line.sku(),
                                line.productSlug(),
                                line.displayName(),
                                line.quantity(),
                                line.unitPriceJpy(),
                                line.lineTotalJpy()))
                        .toList(),
                subtotalJpy,
                shippingJpy,
                totalJpy());
    }
}
