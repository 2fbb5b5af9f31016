package dev.kurashi.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ProductImageRepository implements PanacheRepository<ProductImage> {

    public List<ProductImage> listByProduct(long productId) {
        return list("product.id = ?1 order by sortOrder, id", productId);
    }

    /** Images of several products at once (list pages show the first image of each). */
    public List<ProductImage> listByProducts(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return list("product.id in ?1 order by product.id, sortOrder, id", productIds);
    }
}
