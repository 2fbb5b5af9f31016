package dev.kurashi.customer;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Knows customers by the {@code sub} of their Cognito token; creates them on first sight. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /**
     * The id of the customer with this token subject, created if this is their first request. Safe when
     * the same new customer sends several requests at once.
     */
    @Transactional
    @WithSpan
    public long ensure(String cognitoSub, String email, String displayName) {
        return customers.findByCognitoSub(cognitoSub).map(c -> c.id).orElseGet(() -> {
            customers.insertIfAbsent(cognitoSub, email, displayName == null ? "" : displayName);
            return customers.findByCognitoSub(cognitoSub).orElseThrow().id;
        });
    }
}
