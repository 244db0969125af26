package app.partnersync.partnership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of pairing and partnerships ({@code partnersync.partnerships.*}). */
@ConfigMapping(prefix = "partnersync.partnerships")
public interface PartnershipConfig {

    /** How many active partnerships one account may have at once. */
    @WithDefault("10")
    int maxActive();

    /** How long an invitation code can be accepted after it was created. */
    @WithDefault("PT24H")
    Duration invitationLifetime();

    /** Invitation previews and accepts one account may attempt per window (guessing codes must not pay). */
    @WithDefault("30")
    int invitationAttempts();

    /** The window of {@link #invitationAttempts()}. */
    @WithDefault("PT15M")
    Duration invitationAttemptWindow();

    /** Share links are this base followed by the code, e.g. {@code https://partner-sync.app/join/K7QX-2MPA}. */
    @WithDefault("https://partner-sync.app/join/")
    String shareUrlBase();
}
