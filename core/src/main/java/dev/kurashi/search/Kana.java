package dev.kurashi.search;

import java.util.HashMap;
import java.util.Map;

/**
 * Hiragana ↔ katakana and Hepburn/kunrei romaji → kana, so that まぐ, マグ and magu reach the same words. Works on
 * text already folded by {@link SearchText#normalize(String)} (NFKC: half-width kana are full-width here).
 */
final class Kana {

    private static final Map<String, String> ROMAJI = romajiTable();

    private Kana() {}

    /** Hiragana letters turned into katakana; everything else as it is. */
    static String toKatakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    /** Katakana letters that have a hiragana form turned into it; ー and the rest as they are. */
    static String toHiragana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    /**
     * The hiragana reading of a romaji word ("magu" → まぐ, "kettoru" → けっとる, "kōhī"/"ko-hi-" → こーひー), or
     * null when the word is not romaji through and through (most English words: "mug", "kettle").
     */
    static String fromRomaji(String word) {
        if (word.length() < 2 || !word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '-') {
                out.append('ー');
                i++;
                continue;
            }
            boolean consonant = "aiueon".indexOf(c) < 0;
            if (consonant && i + 1 < word.length() && word.charAt(i + 1) == c) {
                out.append('っ');
                i++;
                continue;
            }
            if (c == 'n' && (i + 1 == word.length() || "aiueoy".indexOf(word.charAt(i + 1)) < 0)) {
                out.append('ん');
                i += i + 1 < word.length() && word.charAt(i + 1) == 'n' ? 2 : 1;
                continue;
            }
            String kana = null;
            for (int length = Math.min(3, word.length() - i); length > 0 && kana == null; length--) {
                kana = ROMAJI.get(word.substring(i, i + length));
                if (kana != null) {
                    i += length;
                }
            }
            if (kana == null) {
                return null;
            }
            out.append(kana);
        }
        return out.toString();
    }

    private static Map<String, String> romajiTable() {
        Map<String, String> table = new HashMap<>();
        String vowels = "aiueo";
        String[][] rows = {
            {"", "あいうえお"},
            {"k", "かきくけこ"},
            {"g", "がぎぐげご"},
            {"s", "さしすせそ"},
            {"z", "ざじずぜぞ"},
            {"t", "たちつてと"},
            {"d", "だぢづでど"},
            {"n", "なにぬねの"},
            {"h", "はひふへほ"},
            {"b", "ばびぶべぼ"},
            {"p", "ぱぴぷぺぽ"},
            {"m", "まみむめも"},
            {"r", "らりるれろ"},
        };
        for (String[] row : rows) {
            for (int v = 0; v < 5; v++) {
                table.put(row[0] + vowels.charAt(v), String.valueOf(row[1].charAt(v)));
            }
        }
        String[] small = {"ゃ", "ゅ", "ょ"};
        String[] yVowels = {"a", "u", "o"};
        for (String[] y : new String[][] {
            {"ky", "き"}, {"gy", "ぎ"}, {"sh", "し"}, {"sy", "し"}, {"j", "じ"}, {"jy", "じ"}, {"zy", "じ"},
            {"ch", "ち"}, {"ty", "ち"}, {"cy", "ち"}, {"ny", "に"}, {"hy", "ひ"}, {"by", "び"}, {"py", "ぴ"},
            {"my", "み"}, {"ry", "り"}
        }) {
            for (int v = 0; v < 3; v++) {
                table.put(y[0] + yVowels[v], y[1] + small[v]);
            }
        }
        table.putAll(Map.of("ya", "や", "yu", "ゆ", "yo", "よ", "wa", "わ", "wo", "を", "shi", "し", "chi", "ち"));
        table.putAll(Map.of("tsu", "つ", "ji", "じ", "fu", "ふ", "she", "しぇ", "che", "ちぇ", "je", "じぇ"));
        table.putAll(Map.of("fa", "ふぁ", "fi", "ふぃ", "fe", "ふぇ", "fo", "ふぉ", "ti", "てぃ", "di", "でぃ"));
        table.putAll(Map.of("vu", "ゔ", "va", "ゔぁ", "vi", "ゔぃ", "ve", "ゔぇ", "vo", "ゔぉ", "we", "うぇ", "wi", "うぃ"));
        return Map.copyOf(table);
    }
}
