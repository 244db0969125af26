package app.partnersync.checkin;

import app.partnersync.common.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The emotional safety of repair plans' reviews: the average shared safety score of each plan's closed or completed
 * check-ins, in the plan's first period and in the recent one. Only shared scores count, so what is made of them
 * reveals nothing private. One query for any number of plans.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewSafety {

    private static final String AVERAGES = """
            select p.id,
                   round(avg(e.safety) filter (where c.started_at < p.first_until), 2) as first,
                   round(avg(e.safety) filter (where c.started_at >= ?2), 2) as recent
            from json_to_recordset(cast(?1 as json)) as p(id uuid, partnership_id uuid, first_until timestamptz)
            left join check_in c on c.partnership_id = p.partnership_id and c.repair_plan_id = p.id
                                and c.status <> 'open'
            left join check_in_entry e on e.partnership_id = c.partnership_id and e.check_in_id = c.id
                                      and e.safety_shared and e.safety is not null and e.submitted_at is not null
            group by p.id""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ReviewSafety(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A plan whose reviews are weighed, and the end of its first period. */
    public record Plan(UUID id, UUID partnershipId, Instant firstUntil) {}

    /** Average shared safety (two decimals) in the first period and since {@code recentSince}; null where none. */
    public record Averages(BigDecimal first, BigDecimal recent) {}

    /** The averages of every plan, by plan id. */
    public Map<UUID, Averages> of(Collection<Plan> plans, Instant recentSince) {
        Map<UUID, Averages> averages = new LinkedHashMap<>();
        if (plans.isEmpty()) {
            return averages;
        }
        String planList;
        try {
            planList = json.writeValueAsString(plans.stream()
                    .map(p -> Map.of("id", p.id(), "partnership_id", p.partnershipId(), "first_until", p.firstUntil()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plans not writable", e);
        }
        for (Tuple row : SqlValues.tuples(entityManager
                .createNativeQuery(AVERAGES, Tuple.class)
                .setParameter(1, planList)
                .setParameter(2, recentSince))) {
            averages.put(
                    row.get("id", UUID.class),
                    new Averages(row.get("first", BigDecimal.class), row.get("recent", BigDecimal.class)));
        }
        return averages;
    }
}
