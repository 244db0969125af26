package app.partnersync.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a production instance that cannot sign or verify access tokens. Without this it would report
 * healthy and then fail every sign-in with a 500 and every token with a silent 401.
 */
@ApplicationScoped
public class KeySettingsCheck {

    private final Config config;
    private final AccessTokens accessTokens;
    private final JWTParser parser;

    public KeySettingsCheck(Config config, AccessTokens accessTokens, JWTParser parser) {
        this.config = config;
        this.accessTokens = accessTokens;
        this.parser = parser;
    }

    void verifyAtStartup(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return; // dev and test mode sign with a key pair generated in memory
        }
        List<String> missing = new ArrayList<>();
        if (absent("smallrye.jwt.sign.key.location") && absent("smallrye.jwt.sign.key")) {
            missing.add(
                    "smallrye.jwt.sign.key.location (env SMALLRYE_JWT_SIGN_KEY_LOCATION): the PEM private key that signs access tokens");
        }
        if (absent("mp.jwt.verify.publickey.location") && absent("mp.jwt.verify.publickey")) {
            missing.add(
                    "mp.jwt.verify.publickey.location (env MP_JWT_VERIFY_PUBLICKEY_LOCATION): the PEM public key that verifies them");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "partner-sync cannot start without its token keys. Missing: " + String.join("; ", missing));
        }
        try {
            TokenPair probe =
                    accessTokens.pair(UUID.randomUUID(), UUID.randomUUID(), java.time.Instant.now(), "startup-probe");
            parser.parse(probe.accessToken());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException(
                    "partner-sync cannot start: a token signed with smallrye.jwt.sign.key.location does not verify with "
                            + "mp.jwt.verify.publickey.location (wrong path, wrong format, or keys of different pairs): "
                            + e.getMessage(),
                    e);
        }
    }

    private boolean absent(String key) {
        return config.getOptionalValue(key, String.class)
                .filter(value -> !value.isBlank())
                .isEmpty();
    }
}
