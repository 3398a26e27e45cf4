package newsroom.nlp.extraction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import newsroom.support.text.TextFolding;

/**
 * Restores the case of all-capital lines (headlines, datelines, results tables: "BULLS BEAT LAKERS AS JORDAN SCORES
 * 40") before the engine reads them, from the article's own mixed-case words and the knowledge base: a word the
 * article writes capitalized mid-sentence ("Lakers", "Jordan") or an alias of a known entity takes that form, a word
 * it writes in lower case ("beat", "scores") is lowered, an acronym it writes in capitals stays so, and a word with no
 * evidence is lowered (a headline's words are mostly ordinary words; its names are usually in the story). The first
 * word of the line keeps a capital, as a sentence's. Only letters change case, one character for one, so the engine's
 * offsets hold on the original text. CoreNLP's own truecaser was not used: its model is a 104 MB compressed CRF,
 * several times the English NER model's memory.
 */
final class CaseRestorer {

    /** Fewer letters than this on a line, and it is not a capitals line worth restoring. */
    private static final int MIN_LETTERS = 4;

    private CaseRestorer() {
    }

    /** {@code text} with every all-capital line recased; the same string when it has none. */
    static String restore(String text, KnowledgeBaseIndex kb, String folded, Corrections corrections) {
        int[][] lines = capitalLines(text);
        if (lines.length == 0) {
            return text;
        }
        Evidence evidence = Evidence.of(text, lines);
        char[] out = text.toCharArray();
        for (int[] line : lines) {
            recaseLine(text, line[0], line[1], evidence, out);
            corrections.count("truecase: restored the case of an all-capital line");
        }
        // known names in the capitals lines take the case of their alias ("EL SALVADOR" → "El Salvador")
        for (AliasAutomaton.Hit hit : kb.automaton().findAll(folded)) {
            if (inAny(lines, hit.start(), hit.end()) && HybridEntityExtractor.onWordBoundaries(text, hit.start(), hit.end())) {
                String alias = kb.target(hit.pattern()).alias();
                if (alias.length() == hit.end() - hit.start() && !alias.equals(alias.toUpperCase(Locale.ROOT))) {
                    for (int i = 0; i < alias.length(); i++) {
                        if (Character.isLetter(out[hit.start() + i])) {
                            out[hit.start() + i] = sameCase(text.charAt(hit.start() + i), alias.charAt(i));
                        }
                    }
                }
            }
        }
        return new String(out);
    }

    /** [start, end) of each line whose letters are (almost) all capitals. */
    static int[][] capitalLines(String text) {
        java.util.List<int[]> lines = new java.util.ArrayList<>();
        int n = text.length();
        int start = 0;
        int upper = 0;
        int lower = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n') {
                if (upper + lower >= MIN_LETTERS && lower * 20 <= upper) {
                    lines.add(new int[] { start, i });
                }
                start = i + 1;
                upper = 0;
                lower = 0;
            } else if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return lines.toArray(new int[0][]);
    }

    private static void recaseLine(String text, int start, int end, Evidence evidence, char[] out) {
        boolean first = true;
        int i = start;
        while (i < end) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int wordEnd = wordEnd(text, i, end);
            String word = text.substring(i, wordEnd);
            String form = evidence.formOf(word);
            for (int k = 0; k < word.length(); k++) {
                char c = form.charAt(k);
                out[i + k] = first && k == 0 ? Character.toUpperCase(c) : c;
            }
            first = false;
            i = wordEnd;
        }
    }

    /** End of the word (letters and apostrophes: "O'DRISCOLL") starting at {@code start}, at most {@code limit}. */
    private static int wordEnd(String text, int start, int limit) {
        int end = start;
        while (end < limit && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'')) {
            end++;
        }
        return end;
    }

    private static boolean inAny(int[][] lines, int start, int end) {
        for (int[] l : lines) {
            if (l[0] <= start && end <= l[1]) {
                return true;
            }
        }
        return false;
    }

    private static char sameCase(char original, char wanted) {
        char c = Character.isUpperCase(wanted) ? Character.toUpperCase(wanted) : Character.toLowerCase(wanted);
        return TextFolding.fold(c) == TextFolding.fold(original) ? c : original;
    }

    /** How the article's mixed-case lines write each word (keyed by its lower case). */
    private record Evidence(Map<String, Integer> lower, Map<String, Integer> capitals, Map<String, Map<String, Integer>> inner,
            Map<String, Integer> sentenceStart) {

        static Evidence of(String text, int[][] capitalLines) {
            Evidence e = new Evidence(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
            int n = text.length();
            int line = 0;
            boolean sentenceStart = true;
            int i = 0;
            while (i < n) {
                if (line < capitalLines.length && i == capitalLines[line][0]) {
                    i = capitalLines[line++][1];
                    sentenceStart = true;
                    continue;
                }
                char c = text.charAt(i);
                if (!Character.isLetter(c)) {
                    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == '\u201C' || c == ':') {
                        sentenceStart = true;
                    }
                    i++;
                    continue;
                }
                int end = wordEnd(text, i, n);
                String word = text.substring(i, end);
                String key = word.toLowerCase(Locale.ROOT);
                if (Character.isLowerCase(c)) {
                    e.lower.merge(key, 1, Integer::sum);
                } else if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
                    e.capitals.merge(key, 1, Integer::sum);
                } else if (sentenceStart) {
                    e.sentenceStart.merge(key, 1, Integer::sum);
                } else {
                    e.inner.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                }
                sentenceStart = false;
                i = end;
            }
            return e;
        }

        /** The form of {@code word} (all capitals) the article supports, of the same length. */
        String formOf(String word) {
            String key = word.toLowerCase(Locale.ROOT);
            if (key.length() != word.length()) {
                return word;
            }
            int lowerCount = lower.getOrDefault(key, 0);
            Map<String, Integer> forms = inner.getOrDefault(key, Map.of());
            int innerCount = forms.values().stream().mapToInt(Integer::intValue).sum();
            int capitalCount = capitals.getOrDefault(key, 0);
            if (capitalCount > 0 && capitalCount >= innerCount && capitalCount >= lowerCount) {
                return word;
            }
            if (innerCount > 0 && innerCount >= lowerCount) {
                String best = forms.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                return best.length() == word.length() ? best : capitalized(key);
            }
            if (lowerCount == 0 && sentenceStart.containsKey(key)) {
                return capitalized(key);
            }
            return key;
        }

        private static String capitalized(String key) {
            return Character.toUpperCase(key.charAt(0)) + key.substring(1);
        }
    }
}
