package newsroom.stack;

import java.nio.file.Path;

/** One server of a stack as `status` reports it. */
public record ServerStatus(String server, State state, int port, long pid, Path dataDir, Path log) {

    public enum State {
        /** Our process is alive and answers its readiness probe. */
        RUNNING,
        /** Our process is alive but does not answer (starting, or wedged). */
        NOT_ANSWERING,
        /** No process of ours. */
        STOPPED
    }

    public String describe() {
        String state = switch (this.state) {
            case RUNNING -> "running";
            case NOT_ANSWERING -> "not answering";
            case STOPPED -> "stopped";
        };
        String pid = this.pid > 0 ? "pid " + this.pid : "-";
        return String.format("%-14s %-14s port %-6d %-11s data %s", server, state, port, pid, dataDir);
    }
}
