package newsroom.support.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A caller's role. Each role also holds the roles below it ({@link #grants()}), so an endpoint names the least role
 * that may call it: {@code @RolesAllowed(Role.READER)} admits every caller with a role.
 */
public enum Role {
    READER, INGESTER, CURATOR, ADMIN;

    /** The names {@code @RolesAllowed} uses. */
    public static final String READER_NAME = "reader";
    public static final String INGESTER_NAME = "ingester";
    public static final String CURATOR_NAME = "curator";
    public static final String ADMIN_NAME = "admin";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every role name a caller with this role holds: its own and those below it. */
    public Set<String> grants() {
        return switch (this) {
            case READER -> Set.of(READER_NAME);
            case INGESTER -> Set.of(INGESTER_NAME, READER_NAME);
            case CURATOR -> Set.of(CURATOR_NAME, READER_NAME);
            case ADMIN -> Set.of(ADMIN_NAME, CURATOR_NAME, INGESTER_NAME, READER_NAME);
        };
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "' (one of reader, ingester, "
                        + "curator, admin)"));
    }
}
