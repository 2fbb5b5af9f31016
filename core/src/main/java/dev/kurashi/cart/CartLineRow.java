package dev.kurashi.cart;

/** A cart line joined with its SKU and product, as {@link CartItemRepository#listLines} reads it. */
public record CartLineRow(
        long skuId,
        String sku,
        String label,
        int unitPriceJpy,
        boolean hidden,
        String productSlug,
        String productName,
        short taxRate,
        boolean active,
        int quantity) {

    /** Whether the line can be bought now (a SKU may be hidden or its product withdrawn after it was added). */
    public boolean purchasable() {
        return !hidden && active;
    }

    public int lineTotalJpy() {
        return Math.multiplyExact(unitPriceJpy, quantity);
    }

    /** The name a customer reads: product and variant, e.g. {@code マグカップ（ホワイト）}. */
    public String displayName() {
        return productName + "（" + label + "）";
    }
}
