package newsroom.stack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared test stack (Kafka 19092, Elasticsearch 19200, PostgreSQL 15432),
 * starting it if nothing runs yet. {@code stop()} leaves it running: the whole build shares it.
 *
 * <pre>{@code @QuarkusTest @QuarkusTestResource(LocalStackTestResource.class) class FooIT { ... }}</pre>
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStacks.current().toQuarkusConfig();
    }

    @Override
    public void stop() {
        // Shared by every module of the build; the build's last module (or `down --name test`) stops it.
    }
}
