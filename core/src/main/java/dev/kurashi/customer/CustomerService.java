package dev.kurashi.customer;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Knows customers by the {@code sub} of their Cognito token; creates them on first sight. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /** How to reach a customer: the token subject, and the e-mail address when sign-in recorded one. */
    public record Contact(long id, String cognitoSub, String email, String displayName) {}

    /** The customer's contact details (the notification feature resolves a missing e-mail from them). */
    @Transactional
    @WithSpan
    public Optional<Contact> contact(long customerId) {
        return customers.findByIdOptional(customerId).map(c -> new Contact(c.id, c.cognitoSub, c.email, c.displayName));
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
