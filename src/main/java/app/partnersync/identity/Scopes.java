package app.partnersync.identity;

import java.util.List;

/** The scopes an integration token can hold; the contract lists the same ones. */
public final class Scopes {

    public static final String PROFILE_READ = "profile:read";
    public static final String PARTNERSHIPS_READ = "partnerships:read";
    public static final String COMMITMENTS_READ = "commitments:read";
    public static final String COMMITMENTS_WRITE = "commitments:write";
    /** Check-ins and repair plans: also needs every member's consent in the partnership. */
    public static final String CHECKINS_READ = "checkins:read";

    public static final String INSIGHTS_READ = "insights:read";
    public static final String EVENTS_READ = "events:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    public static final List<String> ALL = List.of(
            PROFILE_READ,
            PARTNERSHIPS_READ,
            COMMITMENTS_READ,
            COMMITMENTS_WRITE,
            CHECKINS_READ,
            INSIGHTS_READ,
            EVENTS_READ,
            WEBHOOKS_MANAGE);

    private Scopes() {}
}
