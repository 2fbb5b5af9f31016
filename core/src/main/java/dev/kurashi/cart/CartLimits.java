package dev.kurashi.cart;

import dev.kurashi.common.DomainException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * Money arithmetic of carts (issue 12: a guest cart summed in {@code int} showed ¥-364,771,072 and the signed-in
 * cart API answered 500). Every sum is a {@code long} with overflow checks, and a cart may total at most
 * {@link Config#maxAmountJpy()}, which keeps every amount that reaches an {@code int} column far inside it. Going
 * over answers 422 problem+json with {@code limit: max-cart-amount}.
 */
public final class CartLimits {

    /** The cart cap. */
    @ConfigMapping(prefix = "kurashi.cart")
    public interface Config {

        /** Largest subtotal of one cart (tax included). */
        @WithDefault("5000000")
        long maxAmountJpy();
    }

    private CartLimits() {}

    /** {@code unitPriceJpy × quantity}, exactly. */
    public static long lineTotal(long unitPriceJpy, long quantity) {
        return Math.multiplyExact(unitPriceJpy, quantity);
    }

    /** The subtotal as an {@code int}, or the 422 problem when it passes {@code maxAmountJpy}. */
    public static int capped(long subtotalJpy, long maxAmountJpy) {
        if (subtotalJpy < 0 || subtotalJpy > maxAmountJpy || subtotalJpy > Integer.MAX_VALUE) {
            throw new DomainException(
                    DomainException.Kind.UNPROCESSABLE,
                    "Cart over the limit",
                    "A cart may total at most ¥" + String.format("%,d", maxAmountJpy) + "; lower a quantity",
                    Map.of("limit", "max-cart-amount", "maxJpy", maxAmountJpy));
        }
        return (int) subtotalJpy;
    }

    /** {@code a + b}, exactly. */
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }
}
