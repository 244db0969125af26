package app.partnersync.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link SyncedType} bean, by name: the one list of synced types there is. */
@ApplicationScoped
public class SyncedTypes {

    private final List<SyncedType> all;
    private final Map<String, SyncedType> byName;

    public SyncedTypes(Instance<SyncedType> types) {
        this.all = types.stream().sorted(Comparator.comparing(SyncedType::name)).toList();
        this.byName = all.stream().collect(Collectors.toMap(SyncedType::name, Function.identity()));
    }

    /** In name order (the order of a first sync's snapshot). */
    public List<SyncedType> all() {
        return all;
    }

    /** The type names, in name order. */
    public List<String> names() {
        return all.stream().map(SyncedType::name).toList();
    }

    public Optional<SyncedType> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** How integrations hear of changes of the type {@code name}; none for an unknown name. */
    public SyncedType.IntegrationEvents integrationEvents(String name) {
        return named(name).map(SyncedType::integrationEvents).orElse(SyncedType.IntegrationEvents.NONE);
    }

    /** Every record event type webhooks may subscribe to. */
    public Set<String> eventTypes() {
        return all.stream()
                .flatMap(type -> type.integrationEvents().types().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
