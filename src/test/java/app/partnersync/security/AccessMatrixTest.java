package app.partnersync.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every contract operation against every kind of caller: see {@link AccessMatrix}. */
@QuarkusTest
class AccessMatrixTest {

    @Test
    void everyOperationOfTheContractHasARecipeAndEveryRecipeAnOperation() {
        List<String> gaps = AccessMatrix.recipeGaps();
        assertTrue(gaps.isEmpty(), "Recipe.BY_OPERATION and the contract differ:\n" + String.join("\n", gaps));
    }

    @Test
    void everyOperationAdmitsExactlyWhomTheContractSays() {
        long started = System.nanoTime();
        AccessMatrix.Result result = AccessMatrix.run();
        System.out.printf(
                "access matrix: %d operations, %d checks, %d ms%n",
                result.operations(), result.checks(), (System.nanoTime() - started) / 1_000_000);
        assertEquals(Recipe.BY_OPERATION.size(), result.operations(), "the matrix walked every operation");
    }
}
