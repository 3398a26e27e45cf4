package newsroom.nlp.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over folded aliases: one pass over an article finds every alias occurrence, whatever the
 * number of aliases. Immutable once built, so one instance serves every worker thread.
 */
public final class AliasAutomaton {

    /** One occurrence of pattern {@code pattern} at [start, end) of the searched text. */
    public record Hit(int start, int end, int pattern) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Node fail;
        int[] outputs = new int[0];
    }

    private final Node root = new Node();
    private final int[] lengths;

    public AliasAutomaton(List<String> foldedPatterns) {
        lengths = new int[foldedPatterns.size()];
        for (int p = 0; p < foldedPatterns.size(); p++) {
            String pattern = foldedPatterns.get(p);
            lengths[p] = pattern.length();
            if (pattern.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < pattern.length(); i++) {
                node = node.next.computeIfAbsent(pattern.charAt(i), c -> new Node());
            }
            node.outputs = append(node.outputs, p);
        }
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Map.Entry<Character, Node> e : node.next.entrySet()) {
                char c = e.getKey();
                Node child = e.getValue();
                Node f = node.fail;
                while (f != root && !f.next.containsKey(c)) {
                    f = f.fail;
                }
                Node target = f.next.get(c);
                child.fail = target != null && target != child ? target : root;
                if (child.fail.outputs.length > 0) {
                    int[] merged = new int[child.outputs.length + child.fail.outputs.length];
                    System.arraycopy(child.outputs, 0, merged, 0, child.outputs.length);
                    System.arraycopy(child.fail.outputs, 0, merged, child.outputs.length, child.fail.outputs.length);
                    child.outputs = merged;
                }
                queue.add(child);
            }
        }
    }

    /** Every occurrence of every pattern in {@code folded}, overlapping ones included. */
    public List<Hit> findAll(CharSequence folded) {
        List<Hit> hits = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            Node next = node.next.get(c);
            while (next == null && node != root) {
                node = node.fail;
                next = node.next.get(c);
            }
            node = next == null ? root : next;
            for (int p : node.outputs) {
                hits.add(new Hit(i + 1 - lengths[p], i + 1, p));
            }
        }
        return hits;
    }

    private static int[] append(int[] a, int v) {
        int[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
