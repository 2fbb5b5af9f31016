package dev.kurashi.reading.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phrase boundaries for Japanese line breaking: words stay whole, particles close a phrase. */
class PhrasesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "暮らしの道具と読み物          | 暮らしの<wbr>道具と<wbr>読み物",
                "白樺のガーデングローブ        | 白樺の<wbr>ガーデングローブ",
                "雪どけ色のマグ               | 雪どけ色の<wbr>マグ",
                "湯のみ                      | 湯のみ",
                "真鍮のLEDランタン            | 真鍮の<wbr>LED<wbr>ランタン",
                "マグカップ ミルク             | マグカップ ミルク",
                "北欧の暮らしの道具、と読み物    | 北欧の<wbr>暮らしの<wbr>道具、と<wbr>読み物",
                "<b>&'\"                    | &lt;b&gt;&amp;&#39;&quot;",
            })
    void marksPhraseBoundariesAndEscapes(String text, String html) {
        assertEquals(html, Phrases.phrased(text).getValue());
    }
}
