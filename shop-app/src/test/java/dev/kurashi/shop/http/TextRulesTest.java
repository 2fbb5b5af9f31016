package dev.kurashi.shop.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void refusesWhatPostgresqlAndOpenSearchRefuse() {
        assertNull(TextRules.violation("北欧のマグ 😀", false, 100));
        assertNull(TextRules.violation("line\nbreak\ttab\r", true, 100));
        assertEquals("must not contain control characters", TextRules.violation("a\u0000b", true, 100));
        assertEquals("must not contain control characters", TextRules.violation("line\nbreak", false, 100));
        assertEquals("must not contain control characters", TextRules.violation("\u007f", true, 100));
        assertEquals("must not contain unpaired UTF-16 surrogates", TextRules.violation("x\uD800", true, 100));
        assertEquals("must not contain unpaired UTF-16 surrogates", TextRules.violation("\uDC00x", true, 100));
        assertEquals("must be at most 3 characters", TextRules.violation("abcd", true, 3));
    }

    @Test
    void decodesPercentEncodingStrictly() throws Exception {
        assertEquals("マグ a", TextRules.decode("%E3%83%9E%E3%82%B0+a", true));
        assertEquals("a+b", TextRules.decode("a+b", false));
        assertEquals("\u0000", TextRules.decode("%00", false));
        for (String bad : new String[] {"%", "%zz", "a%2", "%C0%AF", "%ED%A0%80", "%FF"}) {
            assertThrows(TextRules.MalformedEncodingException.class, () -> TextRules.decode(bad, false), bad);
        }
    }
}
