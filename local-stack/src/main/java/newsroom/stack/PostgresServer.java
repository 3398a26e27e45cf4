package newsroom.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL from the zonky binaries unpacked in {@code local-stack/target/postgres}: initdb once, then the postmaster
 * itself in the foreground of its detached session (so the pid we record is the postmaster's).
 */
final class PostgresServer extends LocalServer {

    PostgresServer(StackConfig config) {
        super(config);
    }

    @Override
    String name() {
        return "postgres";
    }

    @Override
    int port() {
        return config.postgresPort();
    }

    @Override
    List<Integer> ports() {
        return List.of(config.postgresPort());
    }

    @Override
    String portSettings() {
        return (StackConfig.TEST.equals(config.name()) ? "NEWSROOM_TEST_" : "NEWSROOM_") + "POSTGRES_PORT";
    }

    @Override
    boolean unprivileged() {
        return true;
    }

    @Override
    String stopSignal() {
        // SIGTERM waits for every client to disconnect; SIGINT is the fast shutdown.
        return "INT";
    }

    private Path home() {
        return require(config.artifactsDir().resolve("postgres"), config);
    }

    private Path bin(String program) {
        return require(home().resolve("bin").resolve(program), config);
    }

    @Override
    void prepare() throws IOException, InterruptedException {
        if (Files.exists(dataDir().resolve("PG_VERSION"))) {
            Files.setPosixFilePermissions(dataDir(), PosixFilePermissions.fromString("rwx------"));
            return;
        }
        Path passwordFile = dir().resolve("initdb.pw");
        Files.writeString(passwordFile, config.password() + "\n");
        try {
            DetachedProcess.run(List.of(bin("initdb").toString(),
                            "-D", dataDir().toString(),
                            "-U", config.username(),
                            "--pwfile=" + passwordFile,
                            "-E", "UTF8", "--locale=C",
                            "--auth-local=trust", "--auth-host=scram-sha-256",
                            "--no-sync", "--no-instructions"),
                    environment(), dir(), log(), true, Duration.ofSeconds(120));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        // initdb makes it 0700; say so explicitly, postgres refuses anything looser.
        Files.setPosixFilePermissions(dataDir(), PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(bin("postgres").toString(),
                "-D", dataDir().toString(),
                "-p", Integer.toString(config.postgresPort()),
                "-c", "listen_addresses=127.0.0.1",
                // No unix socket: its default directory may not be writable, and everyone connects over TCP.
                "-c", "unix_socket_directories=",
                "-c", "max_connections=300",
                "-c", "shared_buffers=64MB",
                "-c", "logging_collector=off"));
        if (config.wipeOnFreshStart()) {
            // The test stack is thrown away at every fresh start: trade crash safety for speed.
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        return command;
    }

    @Override
    Map<String, String> environment() {
        return Map.of("LD_LIBRARY_PATH", home().resolve("lib").toString(), "LC_ALL", "C");
    }

    @Override
    boolean answers() {
        if (!accepts(config.postgresPort())) {
            return false;
        }
        try (Connection connection = connect("postgres")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    void afterReady() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + config.database() + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + config.database() + " OWNER " + config.username());
        } catch (SQLException e) {
            // Two JVMs racing on the same fresh server: the other one created it.
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.username());
        props.setProperty("password", config.password());
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "3");
        props.setProperty("socketTimeout", "10");
        // The driver directly, not DriverManager: Quarkus' test class loaders hide drivers from it.
        Connection connection = new org.postgresql.Driver().connect(
                "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/" + database, props);
        if (connection == null) {
            throw new SQLException("driver refused the URL");
        }
        return connection;
    }
}
