package dev.kurashi.search;

import dev.kurashi.common.DomainException;
import java.util.Locale;

/** What a search looks for. */
public enum SearchType {
    PRODUCT,
    ARTICLE,
    ALL;

    /** {@code product}, {@code article} or {@code all} (the default when absent). */
    public static SearchType parse(String value) {
        if (value == null || value.isEmpty()) {
            return ALL;
        }
        return switch (value) {
            case "product", "article", "all" -> valueOf(value.toUpperCase(Locale.ROOT));
            default -> throw DomainException.invalid("type must be product, article or all");
        };
    }
}
