package dev.kurashi.shop.web;

import java.text.Normalizer;

/** Reading what people type: full-width digits and hyphens (１２３－４５６７) are accepted as half-width. */
final class FormInput {

    private FormInput() {}

    /** NFKC and trimmed; null stays null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC)
                .replace('\u2212', '-')
                .replace('\u2010', '-')
                .replace('\u2015', '-')
                .replace('\u30FC', '-');
        return normalized.strip();
    }

    /** A whole number in 1..max, or null. */
    static Integer quantity(String value, int max) {
        String cleaned = clean(value);
        if (cleaned == null || !cleaned.matches("[0-9]{1,3}")) {
            return null;
        }
        int n = Integer.parseInt(cleaned);
        return n >= 1 && n <= max ? n : null;
    }
}
