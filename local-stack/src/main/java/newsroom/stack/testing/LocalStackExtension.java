package newsroom.stack.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import newsroom.stack.RunningStack;

/**
 * For tests without Quarkus: {@code @ExtendWith(LocalStackExtension.class)} makes sure the shared test stack runs
 * before the class and injects a {@link RunningStack} into constructors and methods that ask for one.
 */
public class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    /** The stack of this test JVM (started or found once), for extensions that build on it. */
    public static RunningStack stack() {
        return TestStacks.current();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestStacks.current();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestStacks.current();
    }
}
