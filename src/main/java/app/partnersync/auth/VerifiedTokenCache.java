package app.partnersync.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, remembering the access tokens it has verified. A client sends the same token with every
 * request for up to 15 minutes; verifying its RS256 signature and parsing its JSON again each time was a fifth of the
 * CPU of a simple authenticated read (measured with JFR, issue 8). A remembered token is looked up by its exact text,
 * so only the very token that passed verification matches; its expiry is checked again on every use, exactly as the
 * verifier checks it (the configured clock skew included). Whether its session is still active is not cached here:
 * {@link SessionGuard} checks that on every request. It also refuses a token issued in the future, which the verifier
 * lets through.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;
    private final boolean enabled;
    private final long skewSeconds;

    public VerifiedTokenCache(
            DefaultJWTParser verifier,
            AuthConfig config,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.verifier = verifier;
        this.enabled = config.verifiedTokenCacheSize() > 0;
        this.skewSeconds = skewSeconds;
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(1, config.verifiedTokenCacheSize()))
                .expireAfterWrite(config.accessTokenLifetime().plusSeconds(skewSeconds))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!enabled) {
            return notIssuedLater(verifier.parse(token));
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            // jose4j's rule: expired once (now - skew) reaches exp.
            if (System.currentTimeMillis() / 1000 - skewSeconds < known.getExpirationTime()) {
                return known;
            }
            verified.invalidate(token);
        }
        JsonWebToken parsed = notIssuedLater(verifier.parse(token));
        verified.put(token, parsed);
        return parsed;
    }

    /**
     * jose4j, as SmallRye configures it, checks {@code nbf}, {@code exp} and the lifetime ({@code exp - iat}) but not
     * that {@code iat} has come: a token "issued" a year ahead with a 10-minute lifetime would pass the lifetime cap
     * and stay valid for a year. Refused here, with the verifier's clock skew, against the system clock: the one the
     * verifier checks {@code exp} by and {@link AccessTokens} issues tokens by (the service's Clock may be moved in
     * tests, to another day).
     */
    private JsonWebToken notIssuedLater(JsonWebToken token) throws ParseException {
        if (token.getIssuedAtTime() > System.currentTimeMillis() / 1000 + skewSeconds) {
            throw new ParseException("the token's iat is in the future");
        }
        return token;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
