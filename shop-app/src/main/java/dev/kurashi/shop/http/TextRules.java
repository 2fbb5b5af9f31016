package dev.kurashi.shop.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What PostgreSQL and OpenSearch refuse in text, checked before any text goes further: NUL and the other control
 * characters (PostgreSQL cannot store NUL in {@code text}; OpenSearch and JSON writers choke on unpaired
 * surrogates), UTF-16 surrogates that are not in a pair, and lengths no field of this API needs.
 */
final class TextRules {

    /** No query parameter of the API is longer; a device token travels in the path, not the query. */
    static final int MAX_PARAMETER_LENGTH = 1000;

    private TextRules() {}

    /**
     * Why {@code value} is refused, or null when it is fine. {@code multiline} text (JSON string fields) may hold
     * tabs and line breaks; parameters and headers may not (a header may hold a tab).
     */
    static String violation(CharSequence value, boolean multiline, int maxLength) {
        int length = value.length();
        if (length > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                boolean allowed = c == '\t' || (multiline && (c == '\n' || c == '\r'));
                if (!allowed) {
                    return "must not contain control characters";
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must not contain unpaired UTF-16 surrogates";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired UTF-16 surrogates";
            }
        }
        return null;
    }

    /** Thrown by {@link #decode} for a {@code %} not followed by two hex digits, or bytes that are not UTF-8. */
    static final class MalformedEncodingException extends Exception {
        MalformedEncodingException(String message) {
            super(message, null, false, false);
        }
    }

    /** Percent-decodes strictly: malformed escapes and invalid UTF-8 are errors, not replacement characters. */
    static String decode(String raw, boolean plusIsSpace) throws MalformedEncodingException {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedEncodingException("is not valid percent-encoding");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedEncodingException("is not valid percent-encoding");
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("is not valid UTF-8");
        }
    }
}
