package dev.kurashi.catalog;

/** A visible SKU of a product page; {@code available} is true when it has stock on hand. */
public record SkuView(String sku, String label, int priceJpy, boolean available) {}
