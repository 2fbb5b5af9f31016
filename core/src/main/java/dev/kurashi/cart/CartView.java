package dev.kurashi.cart;

import java.util.List;

/** A cart as the API answers it; amounts are tax-included yen. */
public record CartView(List<Line> lines, int subtotalJpy, int shippingJpy, int totalJpy) {

    public record Line(String sku, String productSlug, String name, int quantity, int unitPriceJpy, int lineTotalJpy) {}
}
