package dev.kurashi.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    public Optional<Customer> findByCognitoSub(String sub) {
        return find("cognitoSub", sub).firstResultOptional();
    }

    /**
     * Creates the customer row for a token subject if missing, safely under concurrent first requests.
     * Returns 1 when a row was created.
     */
    public int insertIfAbsent(String sub, String email, String displayName) {
        return getEntityManager()
                .createNativeQuery("INSERT INTO customers (cognito_sub, email, display_name) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (cognito_sub) DO NOTHING")
                .setParameter(1, sub)
                .setParameter(2, email)
                .setParameter(3, displayName)
                .executeUpdate();
    }
}
