package dev.kurashi.search;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SearchSynonymRepository implements PanacheRepository<SearchSynonym> {

    public List<SearchSynonym> listInOrder() {
        return list("order by id");
    }
}
