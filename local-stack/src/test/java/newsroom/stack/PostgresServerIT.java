package newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL of its own (own directory and port, never the shared test stack): a dev-style server keeps its
 * data across a restart, and a server that dies at start is reported with the tail of its log.
 */
class PostgresServerIT {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private PostgresServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(lines::add);
        }
    }

    @Test
    void keepsItsDataAcrossARestartAndReportsAFailedStartWithItsLog() throws Exception {
        int port = freePort();
        StackConfig config = StackConfig.dev().withPorts(dir, freePort(), freePort(), freePort(), freePort(), port);
        server = new PostgresServer(config);

        start();
        assertThat(Files.getPosixFilePermissions(server.dataDir()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (42)");
        }
        assertThat(server.stop(lines::add)).isTrue();
        assertThat(server.status().state()).isEqualTo(ServerStatus.State.STOPPED);

        start();
        try (Connection connection = connect(config); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        assertThat(server.stop(lines::add)).isTrue();

        Files.writeString(server.dataDir().resolve("postgresql.conf"), "\nshared_buffers = 'plenty'\n",
                StandardOpenOption.APPEND);
        ProcessHandle broken = server.start(lines::add);
        assertThatThrownBy(() -> server.awaitReady(broken, System.nanoTime() + Duration.ofSeconds(60).toNanos()))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("postgres exited during start")
                .hasMessageContaining("last lines of " + server.log())
                .hasMessageContaining("plenty");
    }

    private void start() throws Exception {
        ProcessHandle process = server.start(lines::add);
        server.awaitReady(process, System.nanoTime() + Duration.ofSeconds(120).toNanos());
        assertThat(server.status().state()).isEqualTo(ServerStatus.State.RUNNING);
    }

    private static Connection connect(StackConfig config) throws Exception {
        return DriverManager.getConnection(config.running().jdbcUrl(), config.username(), config.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
