package dev.pulse.topologies.event;

/** Event types the scoring model knows by name. Any other well-formed type is counted too. */
public final class EventTypes {
    public static final String LOGIN = "login";
    public static final String FEATURE_USED = "feature_used";
    public static final String API_CALL = "api_call";
    public static final String SEAT_ADDED = "seat_added";
    public static final String SEAT_REMOVED = "seat_removed";
    public static final String TICKET_OPENED = "ticket_opened";
    public static final String TICKET_CLOSED = "ticket_closed";
    public static final String NPS_RESPONSE = "nps_response";

    private EventTypes() {}
}
