package newsroom.nlp;

/** Generated texts shared by tests. */
public final class TestTexts {
    private TestTexts() {
    }

    /** About 5 MB of repeated news sentences, ending with one mention of Nayib Bukele. */
    public static String fiveMegabytes() {
        String[] sentences = {
            "Officials in San Salvador said the transfer to CECOT was complete. ",
            "Lawyers for Kilmar Abrego Garcia filed another motion on Tuesday. ",
            "The council approved $2.5 million for road repairs, a 4% increase.\n",
            "Weather forecasters expect rain across the valley this weekend. ",
            "Rosalind Okafor, the port director, said shipping volumes rose. ",
        };
        StringBuilder b = new StringBuilder(5_100_000);
        int i = 0;
        while (b.length() < 5_000_000) {
            b.append(sentences[i++ % sentences.length]);
        }
        b.append("At the very end, Nayib Bukele spoke.");
        return b.toString();
    }
}
