package dev.kurashi.shop.web;

import java.util.List;

/** A cart as the cart and checkout pages show it, for a guest or a customer; amounts are tax-included yen. */
public record CartModel(List<PageLine> lines, int subtotalJpy, int shippingJpy, int totalJpy, int freeShippingFromJpy) {

    public boolean empty() {
        return lines.isEmpty();
    }

    /** Items in the cart (the header badge). */
    public int count() {
        return lines.stream().mapToInt(PageLine::quantity).sum();
    }

    /** How much more makes shipping free; 0 when it already is. */
    public int untilFreeShippingJpy() {
        return shippingJpy == 0 ? 0 : Math.max(0, freeShippingFromJpy - subtotalJpy);
    }
}
