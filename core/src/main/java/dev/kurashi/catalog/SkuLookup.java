package dev.kurashi.catalog;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of SKUs for other features (cart, order): they never see the {@link Sku} entity. Hidden
 * SKUs and inactive products are returned too, flagged, so that a caller can still name a line that is no
 * longer for sale.
 */
@ApplicationScoped
public class SkuLookup {

    /** One SKU with what a cart line or an order line needs of its product. */
    public record SkuInfo(
            long skuId,
            String code,
            String label,
            int priceJpy,
            boolean hidden,
            long productId,
            String productSlug,
            String productName,
            short taxRate,
            boolean active) {

        /** Whether a customer may put it in a cart and buy it now. */
        public boolean purchasable() {
            return !hidden && active;
        }
    }

    private final SkuRepository skus;

    public SkuLookup(SkuRepository skus) {
        this.skus = skus;
    }

    @Transactional
    @WithSpan
    public Optional<SkuInfo> findByCode(String code) {
        if (code == null || !Sku.CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return skus.listByCodes(java.util.List.of(code)).stream().findFirst().map(SkuLookup::view);
    }

    /** SKUs by code, with their products, in one query; unknown codes are absent. */
    @Transactional
    @WithSpan
    public Map<String, SkuInfo> byCodes(Collection<String> codes) {
        Map<String, SkuInfo> result = new HashMap<>();
        for (Sku sku : skus.listByCodes(codes)) {
            result.put(sku.code, view(sku));
        }
        return result;
    }

    private static SkuInfo view(Sku sku) {
        Product product = sku.product;
        return new SkuInfo(
                sku.id,
                sku.code,
                sku.label,
                sku.priceJpy,
                sku.hidden,
                product.id,
                product.slug,
                product.name,
                product.taxRate,
                product.active);
    }
}
