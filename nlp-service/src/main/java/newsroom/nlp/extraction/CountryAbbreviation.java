package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.nlp.KbEntry;
import newsroom.nlp.extraction.KnowledgeBaseIndex.AliasTarget;

/**
 * "US" for the country: not a knowledge-base alias, because in capitals it is also the pronoun ("LET US PRAY"). In
 * mixed-case text "US" is always the country; in an all-capital line, unless a word that takes a pronoun comes
 * before it. It links to whatever entity the knowledge base names "U.S.".
 */
final class CountryAbbreviation {

    private static final Pattern US = Pattern.compile("(?<![\\p{L}\\p{N}$])US(?![\\p{L}\\p{N}$])");
    private static final Set<String> BEFORE_PRONOUN = Set.of("LET", "TELL", "TOLD", "GIVE", "GAVE", "HELP", "JOIN",
            "FOR", "TO", "WITH", "OF", "BY", "ABOUT", "AGAINST", "SHOW", "LEAVE", "TAKE", "MAKE", "ALL", "SAVE",
            "BETWEEN", "AMONG", "ASK", "ASKED", "SEND", "BRING", "FROM", "SEE", "SAW", "LIKE", "LOVE");

    private CountryAbbreviation() {
    }

    static List<Span> find(KnowledgeBaseIndex kb, String text) {
        AliasTarget target = kb.aliasTarget("U.S.");
        if (target == null || text.indexOf("US") < 0) {
            return List.of();
        }
        KbEntry entry = kb.entity(target.entityIds().get(0));
        List<Span> spans = new ArrayList<>();
        Matcher m = US.matcher(text);
        while (m.find()) {
            if (!capitalLine(text, m.start()) || !BEFORE_PRONOUN.contains(previousWord(text, m.start()))) {
                spans.add(new Span(m.start(), m.end(), entry.type(), entry.id(), entry.name(), Span.Source.KNOWLEDGE_BASE));
            }
        }
        return spans;
    }

    private static boolean capitalLine(String text, int at) {
        ShortLine line = ShortLine.around(text, at);
        if (line == null) {
            return false;
        }
        for (int i = line.from(); i < line.to(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String previousWord(String text, int at) {
        int end = at;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }
}
