package app.partnersync.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

/** Fixture builder: two fresh accounts paired through the API (invite, accept). */
public final class Pairs {

    private Pairs() {}

    /** Two members of one fresh partnership. */
    public record Pair(UUID partnershipId, SignedIn inviter, SignedIn invitee) {}

    public static Pair aPartnership() {
        return aPartnership("partner");
    }

    public static Pair aPartnership(String kind) {
        SignedIn inviter = Accounts.signedIn();
        SignedIn invitee = Accounts.signedIn();
        return new Pair(pair(inviter, invitee, kind), inviter, invitee);
    }

    /** Pairs two existing accounts and returns the partnership id. */
    public static UUID pair(SignedIn inviter, SignedIn invitee, String kind) {
        String code = invite(inviter, kind);
        String id = Api.as(invitee)
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(201)
                .body("status", equalTo("active"))
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** The partnership's current version, as {@code member} reads it. */
    public static long version(SignedIn member, UUID partnershipId) {
        return Api.as(member)
                .when()
                .get("/v1/partnerships/{id}", partnershipId)
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** A fresh invitation's code. */
    public static String invite(SignedIn inviter, String kind) {
        return invite(inviter, Map.of("kind", kind));
    }

    /** The code of a fresh invitation made from {@code body} (a kind, perhaps a message). */
    public static String invite(SignedIn inviter, Map<String, ?> body) {
        return Api.as(inviter)
                .body(body)
                .when()
                .post("/v1/invitations")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }
}
