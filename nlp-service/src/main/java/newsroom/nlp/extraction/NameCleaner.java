package newsroom.nlp.extraction;

import java.util.List;
import java.util.Set;

import newsroom.events.EntityType;
import newsroom.nlp.ner.RecognizedName;
import newsroom.support.text.TextFolding;

/**
 * Cleaning of the engine's names (the resolution stage): titles, determiners, demonyms and lower-case words glued to
 * the front ("President Xiomara Castro", "Scot Nick Smith", "idle Denver Broncos"), possessives, pronouns, generic
 * words, table headers and abbreviations ("GF GA", "AGM"). Every change is counted.
 */
final class NameCleaner {

    private static final String STAGE = "resolution: ";

    private static final Set<String> PRONOUNS = Set.of("he", "him", "his", "she", "her", "hers", "it", "its", "they",
            "them", "their", "we", "us", "our", "i", "me", "my", "you", "your", "who", "whom", "this", "that");

    /** Capitalized words the model sometimes returns alone that never name an entity by themselves. */
    private static final Set<String> GENERIC = Set.of("state", "states", "house", "court", "department", "government",
            "administration", "agency", "ministry", "city", "county", "president", "secretary", "judge", "officials",
            "police", "army", "republic", "federal", "national", "breaking", "update", "analysis", "opinion",
            "exclusive", "editorial", "live", "news", "photos", "video", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "god", "mr", "mrs", "ms", "dr");

    /** Titles and determiners stripped from the front of a model name ("President Xiomara Castro" -> "Xiomara Castro"). */
    private static final Set<String> LEADING = Set.of("the", "president", "vice", "mr", "mrs", "ms", "dr", "judge",
            "justice", "chief", "senator", "sen", "rep", "representative", "gov", "governor", "secretary", "general",
            "gen", "minister", "prime", "attorney", "officer", "sgt", "lt", "col", "capt", "pope", "king", "queen",
            "prince", "princess", "sir", "dame", "lord", "mayor", "commissioner", "ambassador", "director", "former",
            "acting", "deputy", "rev", "reverend", "father", "sister", "professor", "prof", "coach", "detective",
            "agent", "lawyer", "attorney-general", "chancellor", "sheriff", "warden", "dear", "breaking", "update",
            "exclusive", "analysis", "opinion", "watch", "live", "photos");

    /** Nationality words glued to the front of a person's name ("Scot Nick Smith", "Englishman Tom Jones"). */
    private static final Set<String> DEMONYMS = Set.of("scot", "scotsman", "english", "englishman", "englishwoman",
            "welsh", "welshman", "irish", "irishman", "briton", "british", "french", "frenchman", "dutch", "dutchman",
            "german", "american", "australian", "italian", "spanish", "spaniard", "brazilian", "argentine", "mexican",
            "japanese", "chinese", "russian", "nigerian", "kenyan", "swede", "dane", "norwegian", "finn", "pole",
            "czech", "austrian", "swiss", "belgian", "portuguese", "canadian", "israeli", "egyptian", "salvadoran",
            "venezuelan", "colombian", "cuban", "croatian", "serbian", "greek", "turkish", "indian", "pakistani");

    /** Lower-case words that belong to a name ("de la Cruz", "van den Broek", "al-Assad", "bin Laden"). */
    static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "el", "da", "do", "dos", "das", "di",
            "van", "von", "der", "den", "ter", "ten", "bin", "bint", "ibn", "al", "y", "e", "le", "du", "des", "of",
            "and", "for", "the", "on", "in", "und", "et", "zu");

    /** Abbreviations the model takes for organizations: table headers and meeting names. */
    private static final Set<String> ABBREVIATIONS = Set.of("gf", "ga", "pf", "pa", "gd", "pts", "agm", "egm", "w",
            "d", "l", "p", "f", "a", "pld", "pct", "gb", "ot", "ht", "ft", "no", "nos", "ceo", "cfo", "q&a");

    private NameCleaner() {
    }

    /** The engine's name as a span of our type, not cleaned (for the bare-engine ablation step). */
    static Span raw(String text, RecognizedName name) {
        return span(text, name.start(), name.end(), name);
    }

    /** The engine's name cleaned, or {@code null} when nothing of it names an entity. */
    static Span clean(String text, RecognizedName name, Corrections corrections) {
        int start = name.start();
        int end = name.end();
        // possessive and trailing punctuation
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        if (end - start > 2 && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')
                && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            end -= 2;
        }
        // leading titles, determiners, demonyms and lower-case words, word by word
        while (start < end) {
            int space = text.indexOf(' ', start);
            if (space < 0 || space >= end) {
                break;
            }
            String word = TextFolding.fold(text.substring(start, space)).replace(".", "");
            boolean lower = Character.isLowerCase(text.charAt(start)) && !PARTICLES.contains(word)
                    && !word.startsWith("al-") && !word.startsWith("el-");
            boolean demonym = name.type() == RecognizedName.NameType.PERSON && DEMONYMS.contains(word)
                    && text.indexOf(' ', space + 1) > 0 && text.indexOf(' ', space + 1) < end;
            // a title is a person's: "General Motors", "Chief Executive Group", "Governors Island" keep their word
            boolean leading = LEADING.contains(word) && (word.equals("the") ? !partOfTheName(text, start, name)
                    : !organizationOrPlace(name));
            if (!leading && !lower && !demonym) {
                break;
            }
            start = space + 1;
        }
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        if (end - start < 2) {
            corrections.count(STAGE + "dropped an engine name with nothing left after cleaning");
            return null;
        }
        String surface = text.substring(start, end);
        String key = TextFolding.fold(surface);
        if (PRONOUNS.contains(key) || GENERIC.contains(key) || surface.indexOf('\n') >= 0) {
            corrections.count(STAGE + "dropped an engine pronoun or generic word");
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < surface.length(); i++) {
            upper |= Character.isUpperCase(surface.charAt(i));
        }
        if (!upper || surface.split(" ").length > 10) {
            corrections.count(STAGE + "dropped an engine name in lower case or over ten words");
            return null;
        }
        // "State" of "Secretary of State" is a title, not an organization
        if (key.equals("state") || (start >= 13 && TextFolding.fold(text.substring(start - 13, start)).equals("secretary of "))) {
            corrections.count(STAGE + "dropped an engine pronoun or generic word");
            return null;
        }
        if (isAbbreviation(key) || onTableHeader(text, start)) {
            corrections.count(STAGE + "dropped an engine table header or abbreviation");
            return null;
        }
        if (start != name.start() || end != name.end()) {
            corrections.count(STAGE + "trimmed a title, possessive or glued word off an engine name");
        }
        return span(text, start, end, name);
    }

    /**
     * A capital "The" the engine took into a name in mid-sentence is written as part of it ("in The Hague", "at The
     * Oval"); at a line's or sentence's start the capital says nothing, and a lower-case "the" is never the name's.
     */
    private static boolean partOfTheName(String text, int start, RecognizedName name) {
        if (start != name.start() || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == ',');
    }

    private static boolean organizationOrPlace(RecognizedName name) {
        return name.type() == RecognizedName.NameType.ORGANIZATION || name.type() == RecognizedName.NameType.LOCATION;
    }

    /**
     * A person's initial the engine left out ("K Brown", "R. Smith" where it found "Brown", "Smith") joins the name,
     * so every initialled name is written one way. "A" and "I" join only with a dot (else they are words).
     */
    static Span withInitial(String text, Span s, Corrections corrections) {
        if (s.type() != EntityType.PERSON) {
            return s;
        }
        int i = s.start() - 1;
        if (i < 1 || text.charAt(i) != ' ') {
            return s;
        }
        boolean dot = text.charAt(i - 1) == '.';
        int letter = dot ? i - 2 : i - 1;
        if (letter < 0 || !Character.isUpperCase(text.charAt(letter))
                || letter > 0 && Character.isLetterOrDigit(text.charAt(letter - 1))
                || !dot && (text.charAt(letter) == 'A' || text.charAt(letter) == 'I')) {
            return s;
        }
        corrections.count(STAGE + "joined an initial to an engine name");
        return new Span(letter, s.end(), s.type(), null, text.substring(letter, s.end()), s.source());
    }

    /**
     * Two names the engine joined with "and" ("Northern Foods and Express Dairies"), split where the article also
     * writes either of them alone; "Procter and Gamble", never written apart, stays one.
     */
    static List<Span> splitAtAnd(String text, Span s, Corrections corrections) {
        int and = s.name().indexOf(" and ");
        if (and < 0 || s.name().indexOf(" and ", and + 1) >= 0 || s.end() - s.start() != s.name().length()) {
            return List.of(s);
        }
        String left = s.name().substring(0, and);
        String right = s.name().substring(and + 5);
        if (!writtenElsewhere(text, left, s) && !writtenElsewhere(text, right, s)) {
            return List.of(s);
        }
        corrections.count(STAGE + "split two names the engine joined with 'and'");
        int rightStart = s.start() + and + 5;
        return List.of(new Span(s.start(), s.start() + and, s.type(), null, left, s.source()),
                new Span(rightStart, s.end(), s.type(), null, right, s.source()));
    }

    private static boolean writtenElsewhere(String text, String name, Span s) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if ((at < s.start() || at >= s.end()) && HybridEntityExtractor.onWordBoundaries(text, at, at + name.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbbreviation(String key) {
        for (String word : key.split(" ")) {
            if (!ABBREVIATIONS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A line of four or more short capitalised tokens and no digits ("P W D L GF GA Pts"): a table's header. */
    static boolean onTableHeader(String text, int at) {
        ShortLine line = ShortLine.around(text, at);
        if (line == null) {
            return false;
        }
        String[] tokens = line.of(text).strip().split("\\s+");
        if (tokens.length < 4) {
            return false;
        }
        for (String t : tokens) {
            if (t.length() > 4 || !Character.isUpperCase(t.charAt(0)) || t.chars().anyMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    private static Span span(String text, int start, int end, RecognizedName name) {
        EntityType type = switch (name.type()) {
            case PERSON -> EntityType.PERSON;
            case ORGANIZATION -> EntityType.ORGANIZATION;
            case LOCATION -> EntityType.LOCATION;
            case MISC -> EntityType.MISC;
        };
        return new Span(start, end, type, null, text.substring(start, end).replaceAll("\\s+", " "), Span.Source.MODEL);
    }
}
