package dev.kurashi.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Width-normalised search input: NFKC folds full-width Latin (ｍｕｇ) to ASCII and half-width katakana (ﾏｸﾞｶｯﾌﾟ)
 * to full-width, so the engine and the SQL fallback both see the forms the catalog is written in.
 */
public final class SearchText {

    /** Terms beyond this are ignored by the SQL fallback (each is one LIKE). */
    static final int MAX_TERMS = 8;

    private SearchText() {}

    public static String normalize(String query) {
        String folded = Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    /** The whitespace-separated terms of a normalised query. */
    static List<String> terms(String normalized) {
        if (normalized.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(normalized.split(" ")).distinct().limit(MAX_TERMS).toList();
    }
}
