package dev.kurashi.shop.web;

/**
 * A line of a cart or of a placed order as the pages show it; amounts are tax-included yen, {@code reducedRate}
 * marks goods taxed at the reduced rate (※ on the invoice).
 */
public record PageLine(
        String sku,
        String productSlug,
        String name,
        int quantity,
        int unitPriceJpy,
        int lineTotalJpy,
        boolean reducedRate) {}
