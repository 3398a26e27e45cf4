package newsroom.support.text;

import java.util.Locale;

import newsroom.events.EntityType;

/** The one formula of a canonical entity id: {@code type:slug}, e.g. {@code person:kilmar-abrego-garcia}. */
public final class EntityIds {

    private EntityIds() {
    }

    public static String of(EntityType type, String name) {
        return type.name().toLowerCase(Locale.ROOT) + ":" + TextFolding.slug(name);
    }
}
