package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process mechanism the three servers share, on small shell "servers" in a stack directory of their own (no real
 * server is touched here).
 */
class LocalServerTest {

    private final List<String> lines = new ArrayList<>();
    private final StackConfig config = StackConfig.named("test")
            .withPorts(Path.of("target", "fake-stack-" + UUID.randomUUID()).toAbsolutePath(), 1, 2, 3, 4, 5);
    private final List<FakeServer> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() throws Exception {
        for (FakeServer server : started) {
            server.stop(lines::add);
        }
    }

    @Test
    void aServerThatDiesAtStartFailsWithTheTailOfItsLog() throws Exception {
        FakeServer server = fake("echo loading config; echo 'FATAL: invalid value for setting heap'; exit 3", false);

        ProcessHandle process = server.start(lines::add);

        assertThatThrownBy(() -> server.awaitReady(process, deadlineIn(Duration.ofSeconds(30))))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("fake exited during start")
                .hasMessageContaining("FATAL: invalid value for setting heap")
                .hasMessageContaining(server.log().toString());
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithItsLog() throws Exception {
        FakeServer server = fake("echo still warming up; exec sleep 60", false);

        ProcessHandle process = server.start(lines::add);

        assertThatThrownBy(() -> server.awaitReady(process, deadlineIn(Duration.ofMillis(500))))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("not ready after")
                .hasMessageContaining("still warming up")
                .hasMessageContaining("down --name test");
    }

    @Test
    void aStartedServerIsFoundAgainThroughItsPidFileAndStoppedWithItsChildren() throws Exception {
        FakeServer server = fake("sleep 300 & echo child $!; touch ready; wait", true);
        ProcessHandle process = server.start(lines::add);
        server.awaitReady(process, deadlineIn(Duration.ofSeconds(30)));
        List<ProcessHandle> children = process.children().toList();

        assertThat(server.process()).map(ProcessHandle::pid).contains(process.pid());
        assertThat(children).isNotEmpty();
        assertThat(server.status().state()).isEqualTo(ServerStatus.State.RUNNING);

        assertThat(server.stop(lines::add)).isTrue();

        assertThat(process.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(server.pidFile()).doesNotExist();
        assertThat(server.status().state()).isEqualTo(ServerStatus.State.STOPPED);
        assertThat(server.stop(lines::add)).isFalse();
    }

    @Test
    void stopAlsoEndsALeftoverWhoseLauncherDied() throws Exception {
        FakeServer server = fake("exit 0", false);
        java.nio.file.Files.createDirectories(server.dir());
        // Like Elasticsearch's server JVM once its launcher is gone: no pid file names it, its command line names the
        // server's directory.
        Process leftover = new ProcessBuilder("sh", "-c", "sleep 300; true", "leftover",
                server.dir().resolve("data").toString()).start();

        assertThat(server.stop(lines::add)).isTrue();

        assertThat(leftover.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(lines).anyMatch(line -> line.contains("stopped leftover pid " + leftover.pid()));
    }

    @Test
    void aPidFileNamingSomeoneElsesProcessIsNotOurs() throws Exception {
        FakeServer server = fake("exit 0", false);
        Files.createDirectories(server.pidFile().getParent());
        // This JVM is alive, but its command line does not name the server's directory.
        Files.writeString(server.pidFile(), Long.toString(ProcessHandle.current().pid()));

        assertThat(server.process()).isEmpty();
        assertThat(server.status().state()).isEqualTo(ServerStatus.State.STOPPED);
    }

    @Test
    void aTakenPortIsRefusedWithTheSettingToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            FakeServer server = new FakeServer(config, "exit 0", false, taken.getLocalPort());

            assertThatThrownBy(server::checkPortsFree)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already taken")
                    .hasMessageContaining("NEWSROOM_TEST_FAKE_PORT")
                    // The culprit, found through /proc: this very JVM.
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ": ");
        }
    }

    @Test
    void theLogTailKeepsOnlyTheLastLines() throws IOException {
        Path log = Files.createDirectories(config.logsDir()).resolve("long.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        String tail = DetachedProcess.tail(log, 30);

        assertThat(tail.lines()).hasSize(30).startsWith("line 4971").endsWith("line 5000");
    }

    private FakeServer fake(String script, boolean readyFile) throws IOException {
        FakeServer server = new FakeServer(config, script, readyFile, freePort());
        started.add(server);
        return server;
    }

    private static long deadlineIn(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A "server" that is a shell script; it answers once it has written a file named ready. */
    static final class FakeServer extends LocalServer {

        private final String script;
        private final boolean answersWhenReadyFile;
        private final int port;

        FakeServer(StackConfig config, String script, boolean answersWhenReadyFile, int port) {
            super(config);
            this.script = script;
            this.answersWhenReadyFile = answersWhenReadyFile;
            this.port = port;
        }

        @Override
        String name() {
            return "fake";
        }

        @Override
        int port() {
            return port;
        }

        @Override
        List<Integer> ports() {
            return List.of(port);
        }

        @Override
        String portSettings() {
            return "NEWSROOM_TEST_FAKE_PORT";
        }

        @Override
        void prepare() {
        }

        @Override
        List<String> command() {
            // The directory as an argument, so that the command line names it like the real servers' do.
            return List.of("sh", "-c", script, "fake", dir().toString());
        }

        @Override
        boolean answers() {
            return answersWhenReadyFile && process().isPresent() && Files.exists(dir().resolve("ready"));
        }
    }
}
