package app.partnersync.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Slow password hashing with bcrypt. bcrypt reads only the first 72 bytes of its input, so the password is first
 * reduced to base64(SHA-256(password)), 44 ASCII bytes: every character of a long passphrase counts, and no NUL
 * byte can cut it short.
 */
@ApplicationScoped
public class Passwords {

    /** The shortest new password, in code points (the contract's minLength). */
    public static final int MIN_LENGTH = 10;

    /** The longest password, new or checked, in code points (the contract's maxLength). */
    public static final int MAX_LENGTH = 256;

    private final int cost;
    private final String decoy;

    public Passwords(AuthConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(prehash("decoy password for unknown accounts"), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prehash(password), hash);
    }

    /** Spends the same time as {@link #matches} so that an unknown email cannot be told apart by timing. */
    public void matchNothing(String password) {
        BcryptUtil.matches(prehash(password), decoy);
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
