package dev.kurashi.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    public Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Every category in display order, parents fetched (the tree is small). */
    public List<Category> listInDisplayOrder() {
        return find("select c from Category c left join fetch c.parent order by c.sortOrder, c.id")
                .list();
    }
}
