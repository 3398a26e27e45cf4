package newsroom.stack.testing;

import newsroom.stack.LocalStack;
import newsroom.stack.RunningStack;
import newsroom.stack.StackConfig;

/**
 * The stack the tests of this JVM use, started or found once: the shared local test stack by default, or Testcontainers
 * when {@code -Dnewsroom.stack=containers} (needs Docker).
 */
final class TestStacks {

    private static RunningStack current;

    private TestStacks() {
    }

    static synchronized RunningStack current() {
        if (current == null) {
            current = "containers".equals(System.getProperty("newsroom.stack"))
                    ? ContainersStack.start()
                    : LocalStack.ensureRunning(StackConfig.test());
        }
        return current;
    }
}
