package app.partnersync.accountdata;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A package's part of an account's data in one bean: its section of the export and its erasure, each one call into
 * the package's service. Subclasses are {@code @Singleton} beans (no client proxy, so the constructor needs no
 * no-args fallback).
 */
public abstract class AccountDataSection implements ExportSection, AccountErasure {

    private final String name;
    private final BiFunction<UUID, UUID, List<?>> collect;
    private final Consumer<UUID> erase;

    /**
     * @param collect everything of this kind the account can see, by account and current session
     * @param erase removes or anonymises it, inside the deletion's transaction
     */
    protected AccountDataSection(String name, BiFunction<UUID, UUID, List<?>> collect, Consumer<UUID> erase) {
        this.name = name;
        this.collect = collect;
        this.erase = erase;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<?> collect(UUID accountId, UUID sessionId) {
        return collect.apply(accountId, sessionId);
    }

    @Override
    public final void erase(UUID accountId) {
        erase.accept(accountId);
    }
}
