package newsroom.stack;

import java.util.List;

/**
 * {@code java -jar local-stack/target/local-stack-1.0.0-SNAPSHOT.jar up|down|status [--name dev|test]}: the launcher's
 * and the build's way to start, stop and inspect a stack; {@code stop SERVER} / {@code start SERVER} stop one server
 * (e.g. {@code kafka-2} of a cluster) keeping its data, and start it again. Exits non-zero on failure.
 */
public final class StackCommand {

    private StackCommand() {
    }

    public static void main(String[] args) {
        // kafka-clients logs through SLF4J, which has no provider here: no warning about that on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args));
    }

    static int run(String[] args) {
        String action = null;
        String server = null;
        String name = StackConfig.DEV;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> {
                    if (i + 1 >= args.length) {
                        return usage("--name needs a value");
                    }
                    name = args[++i];
                }
                case "up", "down", "status" -> action = args[i];
                case "stop", "start" -> {
                    if (i + 1 >= args.length) {
                        return usage(args[i] + " needs a server name (e.g. kafka-2)");
                    }
                    action = args[i];
                    server = args[++i];
                }
                case "-h", "--help", "help" -> {
                    return usage(null);
                }
                default -> {
                    return usage("unknown argument '" + args[i] + "'");
                }
            }
        }
        if (action == null) {
            return usage("say up, down, status, stop SERVER or start SERVER");
        }
        try {
            StackConfig config = StackConfig.named(name);
            String stackName = name;
            LocalStack stack = new LocalStack(config, line -> System.out.println("local stack " + stackName + ": " + line));
            switch (action) {
                case "up" -> stack.ensureRunning();
                case "down" -> stack.stop();
                case "stop" -> stack.stopServer(server);
                case "start" -> stack.startServer(server);
                default -> {
                    List<ServerStatus> status = stack.status();
                    System.out.println("local stack " + name + " (" + config.baseDir() + "):");
                    status.forEach(s -> System.out.println("  " + s.describe()));
                    System.out.println("  logs in " + config.logsDir());
                }
            }
            return 0;
        } catch (StackException | IllegalArgumentException e) {
            System.err.println("local stack " + name + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("local stack " + name + ": unexpected failure: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("local stack: " + problem);
        }
        System.err.println("usage: java -jar local-stack.jar up|down|status|stop SERVER|start SERVER [--name dev|test]");
        return problem == null ? 0 : 2;
    }
}
