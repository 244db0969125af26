package app.partnersync.repair;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Re-evaluates hourly which active repair plans suggest professional support. */
@ApplicationScoped
public class RepairSweeps {

    private static final Logger LOG = Logger.getLogger(RepairSweeps.class);

    private final RepairPlanService plans;

    public RepairSweeps(RepairPlanService plans) {
        this.plans = plans;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        int changed = reviewSupport();
        if (changed > 0) {
            LOG.debugf("repair plans: professional-support suggestion changed on %d", changed);
        }
    }

    /** Runs the evaluation in its own transaction; returns how many plans changed. */
    public int reviewSupport() {
        return QuarkusTransaction.requiringNew().call(plans::reviewSupport);
    }
}
