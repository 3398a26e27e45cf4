package newsroom.nlp.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.events.EntityType;

/**
 * Patterns for what statistical models miss or type badly: amounts of money, percentages, dates, laws
 * ("… Act of 1798"), facilities (prisons, detention centres, bases) and gang-style acronyms ("MS-13").
 */
public final class RuleRecognizer {

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final String SCALE = "(?:thousand|million|billion|trillion|bn|mn|m|k)";
    // at most six thousands groups: an unbounded "(?:,\\d{3})+" re-scans a long "1,111,111,…" run from each of its
    // groups (every digit after a comma starts a word), quadratic in the run's length
    private static final String NUMBER = "\\d{1,3}(?:,\\d{3}){1,6}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

    private static final Pattern MONEY = Pattern.compile(
            "(?:US\\$|\\$|\u20AC|\u00A3)\\s?(?:" + NUMBER + ")(?:\\s?" + SCALE + "\\b)?"
                    + "|\\b(?=\\d)(?:" + NUMBER + ")(?:\\s" + SCALE + ")?\\s(?:dollars|euros|pounds|pesos|bolivars|colones)\\b");
    private static final Pattern PERCENT = Pattern.compile(
            "\\b(?=\\d)(?:" + NUMBER + ")(?:\\s?%|\\s(?:percent|per cent)\\b)");
    // each alternative starts with a cheap look-ahead: these run over every position of 5 MB texts
    private static final Pattern DATE = Pattern.compile(
            "\\b(?=[JFMASOND])" + MONTH + "\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?\\b"
                    + "|\\b(?=\\d)\\d{1,2}\\s" + MONTH + "(?:\\s\\d{4})?\\b"
                    + "|\\b(?=[JFMASOND])" + MONTH + "\\s\\d{4}\\b"
                    + "|\\b(?=\\d)\\d{4}-\\d{2}-\\d{2}\\b");
    /** A bare month only after a preposition, so "May" the verb or the name stays out; group 1 is the month. */
    private static final Pattern BARE_MONTH = Pattern.compile(
            "\\b(?=[ifdbuelmnotIFDBUELMNOT])(?i:in|since|until|by|from|during|early|late|mid|last|next|this|of) "
                    + "(January|February|March|April|May|June|July|August|September|October|November|December)\\b");
    /**
     * A capitalised word of at most 32 characters, taken possessively. An unbounded {@code [\\p{L}'.-]*} that may
     * give characters back made "A.A.A.…" quadratic: every "A" after a dot starts a word, and each start scanned and
     * then backtracked over the whole rest of the run. A CAP word is always followed by a space, so giving characters
     * back never helped a match; the bound makes each start cost a constant.
     */
    private static final String CAP = "[\\p{Lu}][\\p{L}'.-]{0,31}+";
    private static final Pattern LAW = Pattern.compile(
            "\\b" + CAP + "(?: (?:of|and|for|on|to|the|" + CAP + ")){0,7} (?:Act|Amendment|Code|Treaty|Convention|Accords?)"
                    + "(?: of \\d{4})?\\b");
    private static final Pattern FACILITY = Pattern.compile(
            "\\b" + CAP + "(?: (?:of|for|the|" + CAP + ")){0,5} (?:Prison|Penitentiary|Jail|Detention Cent(?:er|re)"
                    + "|Processing Cent(?:er|re)|Correctional (?:Facility|Institution|Center)|Air Force Base"
                    + "|Naval Base|Naval Station|Military Base|Airport)\\b");
    private static final Pattern GANG_ACRONYM = Pattern.compile("\\b(?:MS|[A-Z]{1,3})-?1[38]\\b|\\bBarrio\\s18\\b");

    /** Words that open a sentence or a phrase and are not part of a name ("Under the Alien Enemies Act"). */
    private static final Set<String> LEADING_NOISE = Set.of("The", "A", "An", "Under", "By", "Invoking", "Citing",
            "Using", "In", "On", "With", "When", "After", "Since", "Why", "How", "That", "This", "Its", "His", "Her",
            "Their", "Our", "And", "But", "Of", "For", "To", "From", "At", "As", "If", "While", "Inside", "Outside",
            "Near", "Into", "Then", "Now", "Both", "Neither", "Without");

    public List<Span> find(String text) {
        return find(text, Deadline.NONE);
    }

    /** Each pattern reads the text through {@code deadline}, so a pass past the budget stops mid-pattern. */
    public List<Span> find(String text, Deadline deadline) {
        return findIn(deadline.guard(text));
    }

    /** The rules over any character sequence (a deadline-guarded text; in tests, one that counts the reads). */
    List<Span> findIn(CharSequence text) {
        List<Span> spans = new ArrayList<>();
        add(spans, MONEY.matcher(text), EntityType.MONEY, false);
        add(spans, PERCENT.matcher(text), EntityType.PERCENT, false);
        add(spans, DATE.matcher(text), EntityType.DATE, false);
        Matcher bare = BARE_MONTH.matcher(text);
        while (bare.find()) {
            spans.add(span(bare.start(1), bare.end(1), EntityType.DATE, bare.group(1)));
        }
        add(spans, LAW.matcher(text), EntityType.LAW, true);
        add(spans, FACILITY.matcher(text), EntityType.FACILITY, true);
        Matcher gang = GANG_ACRONYM.matcher(text);
        while (gang.find()) {
            String g = gang.group();
            if (g.startsWith("MS") || g.startsWith("Barrio")) {
                spans.add(span(gang.start(), gang.end(), EntityType.ORGANIZATION, g));
            }
        }
        return spans;
    }

    private static void add(List<Span> spans, Matcher m, EntityType type, boolean trimLeading) {
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (trimLeading) {
                start = trimLeadingNoise(m.group(), start);
                if (start >= end || text(m, start).indexOf(' ') < 0) {
                    continue; // a bare "Act" or "Prison" after trimming is no name
                }
                if (text(m, start).contains("\n")) {
                    continue;
                }
            }
            spans.add(span(start, end, type, m.group().substring(start - m.start())));
        }
    }

    private static String text(Matcher m, int start) {
        return m.group().substring(start - m.start());
    }

    private static int trimLeadingNoise(String match, int offset) {
        int pos = 0;
        while (true) {
            int space = match.indexOf(' ', pos);
            if (space < 0) {
                return offset + pos;
            }
            String word = match.substring(pos, space);
            if (LEADING_NOISE.contains(word) || Character.isLowerCase(word.charAt(0))) {
                pos = space + 1;
            } else {
                return offset + pos;
            }
        }
    }

    private static Span span(int start, int end, EntityType type, String surface) {
        String name = surface.replaceAll("\\s+", " ").strip();
        return new Span(start, end, type, UnknownEntities.idOf(type, name), name,
                Span.Source.RULE);
    }
}
