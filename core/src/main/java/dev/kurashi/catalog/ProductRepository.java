package dev.kurashi.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public Optional<Product> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** An active product with its category, for the product page. */
    public Optional<Product> findActiveBySlug(String slug) {
        return find("select p from Product p join fetch p.category where p.slug = ?1 and p.active", slug)
                .firstResultOptional();
    }

    /** A page of active products with an id greater than {@code afterId} (keyset paging; 0 for the first page). */
    public List<Product> listActive(long afterId, int limit) {
        return find("active = true and id > ?1 order by id", afterId)
                .page(0, limit)
                .list();
    }

    /** A page of the active products of some categories (a category and its descendants), keyset on id. */
    public List<Product> listActiveInCategories(Collection<Long> categoryIds, long afterId, int limit) {
        return find("active = true and category.id in ?1 and id > ?2 order by id", categoryIds, afterId)
                .page(0, limit)
                .list();
    }

    public List<Product> listActiveByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("active = true and id in ?1", ids);
    }

    public long countActive() {
        return count("active", true);
    }
}
