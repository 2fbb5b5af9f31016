package dev.kurashi.inventory;

/** One line that cannot be served: a member of the {@code unavailable} list of a 409 problem. */
public record StockShortage(String sku, int requested, int available) {}
