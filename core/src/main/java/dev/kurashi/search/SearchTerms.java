package dev.kurashi.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A normalised query as terms that must all match, each with the spellings any of which may match it: the
 * term itself, its hiragana and katakana forms, its kana reading when it is romaji, and the words of every
 * synonym group it belongs to ("まぐ" → まぐ, マグ, mug). Several words that together form a synonym
 * ("cutting board") make one term. Both OpenSearch and the SQL fallback search with these, so the two agree.
 */
final class SearchTerms {

    /** Spellings per term beyond this are dropped (each is one clause or one LIKE). */
    static final int MAX_ALTERNATIVES = 16;

    /** The longest run of query words looked up as one synonym. */
    private static final int MAX_PHRASE = 3;

    private SearchTerms() {}

    /**
     * @param normalized a query from {@link SearchText#normalize(String)}
     * @param groups the synonym words for a {@link #key(String)}, or an empty set
     */
    public static List<List<String>> expand(String normalized, Function<String, Set<String>> groups) {
        List<String> words = SearchText.terms(normalized);
        List<List<String>> terms = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = 1;
            for (int n = Math.min(MAX_PHRASE, words.size() - i); n > 1; n--) {
                if (!groups.apply(key(String.join(" ", words.subList(i, i + n))))
                        .isEmpty()) {
                    length = n;
                    break;
                }
            }
            terms.add(alternatives(String.join(" ", words.subList(i, i + length)), groups));
            i += length;
        }
        return terms;
    }

    /** How the dictionary keys a word: width-folded, lower case, katakana, hyphens as spaces. */
    public static String key(String word) {
        return Kana.toKatakana(SearchText.normalize(word.replace('-', ' ')));
    }

    private static List<String> alternatives(String term, Function<String, Set<String>> groups) {
        Set<String> spellings = new LinkedHashSet<>(spellings(term));
        for (String spelling : List.copyOf(spellings)) {
            Set<String> group = groups.apply(key(spelling));
            if (group.isEmpty() && spelling.length() > 3 && spelling.endsWith("s")) {
                group = groups.apply(key(spelling.substring(0, spelling.length() - 1)));
            }
            for (String word : group) {
                spellings.addAll(spellings(SearchText.normalize(word)));
            }
        }
        return spellings.stream().limit(MAX_ALTERNATIVES).toList();
    }

    /** The term, its katakana and hiragana forms and, for romaji, its kana reading in both scripts. */
    private static Set<String> spellings(String term) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(term);
        spellings.add(Kana.toKatakana(term));
        spellings.add(Kana.toHiragana(term));
        String reading = Kana.fromRomaji(term);
        if (reading != null) {
            spellings.add(Kana.toKatakana(reading));
            spellings.add(reading);
        }
        return spellings;
    }
}
