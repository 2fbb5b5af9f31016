package dev.kurashi.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What must never leave for the error tracker: e-mail addresses, phone numbers, postal codes, card and device
 * tokens, bearer tokens and any Japanese text (names and addresses are written in it). Messages are redacted with
 * patterns rather than trusted, because an exception message can quote anything it was given.
 */
public final class PersonalData {

    static final String REDACTED = "[redacted]";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Pattern.compile("\\b(tok|card|pm|src)_[A-Za-z0-9_]+"),
            Pattern.compile("\\b[0-9]{3}-?[0-9]{4}\\b"),
            Pattern.compile("\\+?[0-9][0-9 ()-]{8,}[0-9]"),
            Pattern.compile("\\b[A-Fa-f0-9]{32,}\\b"),
            Pattern.compile("\\b[A-Za-z0-9_-]{40,}\\b"),
            // CJK, kana, full-width forms: names, addresses and free text
            Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\x{3000}-\\x{303F}\\x{FF00}-\\x{FFEF}]+"));

    private PersonalData() {}

    /** {@code text} with every match of the patterns above replaced by {@value #REDACTED}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : PATTERNS) {
            result = pattern.matcher(result).replaceAll(REDACTED);
        }
        return result;
    }

    /**
     * A stable, non-reversible id for a customer (the first 16 hex digits of SHA-256 over a fixed prefix and the
     * id), so errors of one customer group together without the id itself leaving.
     */
    public static String hashCustomer(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("kurashi-customer:" + customerId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
