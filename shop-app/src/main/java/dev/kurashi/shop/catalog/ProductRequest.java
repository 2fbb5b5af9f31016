package dev.kurashi.shop.catalog;

import dev.kurashi.catalog.ProductRules;
import dev.kurashi.catalog.SaveProductCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /admin/products} and {@code PUT /admin/products/{slug}}. The tax rate's "10 or 8" and the
 * category's existence are checked by the catalog (400 naming the field).
 */
public record ProductRequest(
        @NotNull @Pattern(regexp = ProductRules.SLUG) String slug,
        @NotBlank @Size(max = ProductRules.NAME_MAX) String name,
        @NotBlank @Size(max = ProductRules.BRAND_MAX) String brand,
        @NotBlank @Size(max = ProductRules.DESCRIPTION_MAX) String description,
        @NotBlank @Size(max = 80) String category,
        @NotNull @Min(8) @Max(10) Integer taxRate,
        @Size(max = ProductRules.IMAGES_MAX) List<@NotNull @Pattern(regexp = ProductRules.IMAGE_URL) String> images,
        @NotNull @Size(min = 1, max = ProductRules.SKUS_MAX) List<@NotNull @Valid SkuRequest> skus) {

    public record SkuRequest(
            @NotNull @Pattern(regexp = ProductRules.SKU) String sku,
            @NotBlank @Size(max = ProductRules.SKU_LABEL_MAX) String label,
            @NotNull @Min(ProductRules.PRICE_MIN) @Max(ProductRules.PRICE_MAX) Integer priceJpy) {}

    SaveProductCommand toCommand() {
        return new SaveProductCommand(
                slug,
                name,
                brand,
                description,
                category,
                taxRate,
                images == null ? List.of() : images,
                skus.stream()
                        .map(s -> new SaveProductCommand.SkuLine(s.sku(), s.label(), s.priceJpy()))
                        .toList());
    }
}
