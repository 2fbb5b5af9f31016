package dev.kurashi.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SkuRepository implements PanacheRepository<Sku> {

    public Optional<Sku> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** SKUs by code with their products, for cart and checkout. */
    public List<Sku> listByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return list("select s from Sku s join fetch s.product where s.code in ?1", codes);
    }

    /** SKUs with their products by id (cart lines store SKU ids). */
    public List<Sku> listByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("select s from Sku s join fetch s.product where s.id in ?1", ids);
    }

    /** The SKUs a customer can choose, in display order. */
    public List<Sku> listVisibleByProduct(long productId) {
        return list("product.id = ?1 and hidden = false order by sortOrder, id", productId);
    }

    public List<Sku> listVisibleByProducts(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return list("product.id in ?1 and hidden = false order by product.id, sortOrder, id", productIds);
    }
}
