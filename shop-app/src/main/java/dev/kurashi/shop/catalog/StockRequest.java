package dev.kurashi.shop.catalog;

import dev.kurashi.catalog.ProductRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /admin/skus/{sku}/stock}: the on-hand quantity after a stock-take. */
public record StockRequest(@NotNull @Min(0) @Max(ProductRules.STOCK_MAX) Integer quantity) {}
