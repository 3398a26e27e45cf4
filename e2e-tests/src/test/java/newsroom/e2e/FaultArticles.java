package newsroom.e2e;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The suite's articles, written for it: short briefings (about 60–120 words) that each name a few known entities.
 * One in ten names Nayib Bukele and one in twenty mentions wind turbines; no other article does either, so the two
 * alert subscriptions have a known set of matching articles.
 */
final class FaultArticles {

    static final String WATCHED_ENTITY = "person:nayib-bukele";
    static final String WATCHED_TEXT = "wind turbines";

    /** What the suite sends, and what it expects each subscription to make of it. */
    record Article(String url, String title, String body, boolean namesBukele, boolean mentionsTurbines) {
        Map<String, Object> json(String source, int day) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", url);
            json.put("source", source);
            json.put("title", title);
            json.put("body", body);
            json.put("publishedAt", "2025-%02d-%02dT%02d:00:00Z".formatted(1 + day % 12, 1 + day % 28, day % 24));
            json.put("language", "en");
            return json;
        }
    }

    private static final List<String> LEADS = List.of(
            "Lawyers for Kilmar Abrego García asked a federal judge in Maryland on %s to order a fresh review of his detention.",
            "Officials at CECOT declined on %s to say how many new inmates had arrived at the prison in Tecoluca.",
            "The Department of Homeland Security said on %s that %d people had been moved under the Alien Enemies Act.",
            "Marco Rubio told reporters on %s that talks with the government in San Salvador would go on next month.",
            "Families waiting near the Terrorism Confinement Center on %s said they had heard nothing from relatives for %d weeks.",
            "A spokesperson for ICE said on %s that the agency had not changed its rules for transfers abroad.",
            "Judge Paula Xinis set a new hearing for %s in the case of Kilmar Abrego Garcia.",
            "Rights groups said on %s that at least %d detainees whom officials tied to MS-13 had never been charged.");
    private static final List<String> MIDDLES = List.of(
            "Court filings in the case now run to %d pages and lean on earlier rulings of the Fourth Circuit.",
            "Relatives described bus journeys of %d hours to reach the compound, which stands behind several rings of fencing.",
            "The government argues that the transfers are a matter of foreign policy rather than one for the courts.",
            "Reporters were kept outside the gates, and pictures handed out by officials could not be checked.",
            "Advocates in Washington said the official figures did not match their own count of %d cases.",
            "A further hearing is expected within %d days, according to the court calendar.",
            "The Justice Department did not answer written questions sent on %s.",
            "Members of Congress from both parties have asked for a written briefing on the flights.",
            "Lawyers said %d of their clients had no criminal record in any country.",
            "An appeal is likely whichever way the judge rules, people close to the case said.");
    private static final List<String> ABOUT_BUKELE = List.of(
            "Nayib Bukele wrote on social media on %s that the prison would take no more foreign inmates this year.",
            "President Nayib Bukele received visiting officials in San Salvador and praised his security plan.",
            "In a speech on %s, Nayib Bukele said murders had fallen again across the country.");
    private static final List<String> ABOUT_TURBINES = List.of(
            "Engineers in Honduras switched on %d new wind turbines along the Caribbean coast on %s.",
            "A consortium said its wind turbines near the Gulf of Fonseca would supply %d thousand homes.",
            "Farmers in Guatemala asked on %s for a share of the income from the wind turbines on their hills.");
    private static final List<String> TITLES = List.of(
            "Court update", "Detention briefing", "Regional roundup", "Transfer figures", "Hearing notes", "Desk summary");

    private final String run;

    FaultArticles(String run) {
        this.run = run;
    }

    /** The n-th article of the load; the same n always gives the same article. */
    Article article(int n) {
        Random random = new Random(31L * n + run.hashCode());
        boolean bukele = n % 10 == 3;
        boolean turbines = n % 20 == 7;
        StringBuilder body = new StringBuilder(fill(LEADS.get(random.nextInt(LEADS.size())), random)).append(' ');
        if (bukele) {
            body.append(fill(ABOUT_BUKELE.get(random.nextInt(ABOUT_BUKELE.size())), random)).append(' ');
        }
        if (turbines) {
            body.append(fill(ABOUT_TURBINES.get(random.nextInt(ABOUT_TURBINES.size())), random)).append(' ');
        }
        int middles = 2 + random.nextInt(3);
        int first = random.nextInt(MIDDLES.size());
        for (int i = 0; i < middles; i++) {
            body.append(fill(MIDDLES.get((first + i * 3) % MIDDLES.size()), random)).append(' ');
        }
        body.append("Desk reference ").append(run).append('-').append(n).append('.');
        String title = TITLES.get(random.nextInt(TITLES.size())) + " " + n + " (" + run + ")";
        return new Article(url("a/" + n), title, body.toString(), bukele, turbines);
    }

    /**
     * A short article carrying a token of its own, to tell when the pipeline delivers again after a fault: searchable,
     * and firing the text-query subscription (it mentions wind turbines).
     */
    Article probe(String token) {
        String body = "A short notice for the desk: two wind turbines were added to the weekly energy schedule. "
                + "Reference " + token + ".";
        return new Article(url("probe/" + token), "Desk notice " + token, body, false, true);
    }

    /** Plain prose of exactly {@code bytes} UTF-8 bytes with few names in it: an article at the intake limit. */
    Article atSizeLimit(int bytes) {
        StringBuilder body = new StringBuilder(bytes + 200);
        body.append("Size-limit reference ").append(run).append(". ");
        for (int i = 1; body.length() < bytes; i++) {
            body.append("On day ").append(i).append(" the committee reviewed ").append(i % 97 + 3)
                    .append(" budget lines for roads, schools and clinics, and asked for ").append(i % 13 + 2)
                    .append(" more reports before the next meeting. ");
        }
        body.setLength(bytes);
        body.setCharAt(bytes - 1, '.');
        String text = body.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length != bytes) {
            throw new IllegalStateException("the size-limit body is not " + bytes + " bytes");
        }
        return new Article(url("size-limit"), "Budget committee record (" + run + ")", text, false, false);
    }

    private String url(String path) {
        return "https://faults.example/" + run + "/" + path;
    }

    private static String fill(String template, Random random) {
        Object[] args = new Object[2];
        int slot = 0;
        for (int i = template.indexOf('%'); i >= 0; i = template.indexOf('%', i + 1)) {
            char kind = template.charAt(i + 1);
            args[slot++] = kind == 'd' ? 2 + random.nextInt(400) : day(random);
        }
        return template.formatted(args);
    }

    private static String day(Random random) {
        List<String> months = List.of("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December");
        return months.get(random.nextInt(12)) + " " + (1 + random.nextInt(28));
    }
}
