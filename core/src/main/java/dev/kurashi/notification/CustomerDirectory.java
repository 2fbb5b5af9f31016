package dev.kurashi.notification;

import java.util.Optional;

/**
 * Port: a customer's e-mail address. Cognito access tokens carry none, so {@code customers.email} is often
 * empty; the directory falls back to the user directory. Chosen by {@code kurashi.notification.directory}.
 */
interface CustomerDirectory {

    /** The address to mail, or empty when the customer has none (or is gone). */
    Optional<String> email(long customerId);
}
