package app.partnersync.partnership;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.MembershipMatrix;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every contract operation under /v1/partnerships/{partnershipId}: members in, everyone else 404 or 401. */
@QuarkusTest
class MembershipMatrixTest {

    @Test
    void everyPartnershipPathAdmitsOnlyItsMembers() {
        int checked = MembershipMatrix.checkEveryPartnershipOperation();
        assertTrue(checked >= 3, "the matrix found the partnership operations: " + checked);
    }
}
