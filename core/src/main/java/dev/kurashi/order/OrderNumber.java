package dev.kurashi.order;

import java.util.Locale;

/**
 * The short order number people read out on the phone, {@code K-} and the first 8 characters of the id in upper
 * case: the same on マイページ, the confirmation page and every mail.
 */
public final class OrderNumber {

    private OrderNumber() {}

    public static String of(String orderId) {
        String compact = orderId.replace("-", "");
        return "K-" + compact.substring(0, Math.min(8, compact.length())).toUpperCase(Locale.ROOT);
    }
}
