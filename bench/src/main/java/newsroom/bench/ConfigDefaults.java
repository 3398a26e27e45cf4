package newsroom.bench;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.smallrye.config.WithDefault;

/**
 * A {@code @ConfigMapping} interface answered from its own {@code @WithDefault} values (with a few overrides), outside
 * Quarkus: the benchmark runs the service's classes with the settings the service ships with, written down once.
 */
public final class ConfigDefaults {

    private ConfigDefaults() {
    }

    /** @param overrides method name → value, e.g. {@code name → bench-stories-v1}; nested groups are answered too */
    public static <T> T of(Class<T> type, Map<String, String> overrides) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + " defaults"
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : self == args[0];
            }
            if (method.getReturnType().isInterface() && method.getReturnType().getPackage() == type.getPackage()) {
                return of(method.getReturnType(), overrides);
            }
            String value = overrides.get(method.getName());
            if (value == null) {
                WithDefault d = method.getAnnotation(WithDefault.class);
                if (d == null) {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " has no default and the benchmark does not use it");
                }
                value = d.value();
            }
            return convert(method, value);
        });
        return type.cast(proxy);
    }

    private static Object convert(Method method, String value) {
        Class<?> t = method.getReturnType();
        if (t == String.class) {
            return value;
        } else if (t == int.class) {
            return Integer.parseInt(value);
        } else if (t == double.class) {
            return Double.parseDouble(value);
        } else if (t == boolean.class) {
            return Boolean.parseBoolean(value);
        } else if (t == Duration.class) {
            String v = value.toLowerCase(Locale.ROOT);
            return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
        }
        throw new UnsupportedOperationException(method.getName() + ": " + t);
    }
}
