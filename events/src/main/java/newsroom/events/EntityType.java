package newsroom.events;

/** The entity types the pipeline assigns; one per canonical entity. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, FACILITY, LAW, EVENT, MONEY, DATE, PERCENT, MISC
}
