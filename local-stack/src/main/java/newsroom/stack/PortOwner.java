package newsroom.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, read from /proc (Linux): names the culprit in the "port taken" message, e.g. a
 * stack started from another checkout of the project.
 */
final class PortOwner {

    private static final int LISTEN = 0x0A;

    private PortOwner() {
    }

    /** "pid N: command line", if /proc tells (root sees every process; others see their own). */
    static Optional<String> describe(int port) {
        try {
            Set<String> inodes = listeningInodes(port);
            if (inodes.isEmpty()) {
                return Optional.empty();
            }
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String pid = proc.getFileName().toString();
                    if (pid.chars().allMatch(Character::isDigit) && holdsSocket(proc, inodes)) {
                        String cmdline = commandLine(proc);
                        if (cmdline.length() > 240) {
                            cmdline = cmdline.substring(0, 240) + " ...";
                        }
                        return Optional.of("pid " + pid + ": " + cmdline);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc unreadable: the message without the culprit will do.
        }
        return Optional.empty();
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException e) {
            return "(command line unreadable)";
        }
    }

    private static Set<String> listeningInodes(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 10 || !fields[1].contains(":")) {
                    continue;
                }
                String localPort = fields[1].substring(fields[1].lastIndexOf(':') + 1);
                try {
                    if (Integer.parseInt(localPort, 16) == port && Integer.parseInt(fields[3], 16) == LISTEN) {
                        inodes.add(fields[9]);
                    }
                } catch (NumberFormatException e) {
                    // the header line
                }
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path proc, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
