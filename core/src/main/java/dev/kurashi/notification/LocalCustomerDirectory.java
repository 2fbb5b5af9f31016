package dev.kurashi.notification;

import dev.kurashi.customer.CustomerService;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory of local runs and tests, where no Cognito exists: {@code customers.email}, else
 * {@code <sub>@example.invalid} (a reserved domain, so nothing can ever be delivered there). The producer refuses
 * it in the prod profile.
 */
class LocalCustomerDirectory implements CustomerDirectory {

    private final CustomerService customers;

    public LocalCustomerDirectory(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public Optional<String> email(long customerId) {
        return customers
                .contact(customerId)
                .map(contact -> contact.email() != null
                        ? contact.email()
                        : contact.cognitoSub().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                                + "@example.invalid");
    }
}
