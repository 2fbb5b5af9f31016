package dev.kurashi.shop.order;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of one customer's own resources: each test signs in as a fresh customer named after the test class's
 * prefix, so tests never see each other's carts, favorites or orders.
 */
public abstract class SignedInCustomerTest {

    @Inject
    protected ShopFixtures fixtures;

    /** The customer's bearer token. */
    protected String token;

    /** Unique per test, for names the test creates. */
    protected String suffix;

    /** The customer's subject starts with this, e.g. {@code test-cart-}. */
    protected abstract String subjectPrefix();

    @BeforeEach
    void signIn() {
        suffix = ShopFixtures.unique();
        token = ShopFixtures.token(subjectPrefix() + suffix);
    }
}
