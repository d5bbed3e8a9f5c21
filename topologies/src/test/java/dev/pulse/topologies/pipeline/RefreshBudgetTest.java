package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshBudgetTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BUSY = 5_000;

    @Test
    void aFirstPassIsAlwaysDue() {
        assertThat(new RefreshBudget(0.02).due(0, 1_000, BUSY)).isTrue();
    }

    @Test
    void aCostlyPassOfManyTenantsPushesTheNextOutByItsCostOverTheShare() {
        RefreshBudget budget = new RefreshBudget(0.02);
        budget.spent(1_000, 500, 10 * MS);

        assertThat(budget.due(1_200, 500, BUSY)).isFalse();
        assertThat(budget.due(1_499, 500, BUSY)).isFalse();
        assertThat(budget.due(1_500, 500, BUSY)).isTrue();
    }

    @Test
    void aCheapPassLeavesTheRefreshIntervalInCharge() {
        RefreshBudget budget = new RefreshBudget(0.02);
        budget.spent(1_000, 500, 2 * MS);

        assertThat(budget.due(1_100, 500, BUSY)).isTrue();
    }

    @Test
    void aPassOverFewTenantsRunsEvenRightAfterACostlyOne() {
        RefreshBudget budget = new RefreshBudget(0.02);
        budget.spent(1_000, 500, 10 * MS);

        assertThat(budget.due(1_200, RefreshBudget.FEW - 1, BUSY)).isTrue();
        assertThat(budget.due(1_200, RefreshBudget.FEW, BUSY)).isFalse();
    }

    @Test
    void aQuietIntervalLetsThePassRunEvenRightAfterACostlyOne() {
        RefreshBudget budget = new RefreshBudget(0.02);
        budget.spent(1_000, 500, 10 * MS);

        assertThat(budget.due(1_200, 500, RefreshBudget.FEW - 1)).isTrue();
        assertThat(budget.due(1_200, 500, RefreshBudget.FEW)).isFalse();
    }

    @Test
    void aPassOfFewTenantsNeverDelaysTheNextHoweverLongItTook() {
        RefreshBudget budget = new RefreshBudget(0.02);
        budget.spent(1_000, RefreshBudget.FEW - 1, 300 * MS);

        assertThat(budget.due(1_001, 500, BUSY)).isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RefreshBudget(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new RefreshBudget(1.5)).hasMessageContaining("got 1.5");
    }
}
