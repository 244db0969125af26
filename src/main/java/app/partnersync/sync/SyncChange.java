package app.partnersync.sync;

import java.util.UUID;

/** One entry of the change feed: an upsert with the record as the caller sees it, or a tombstone. */
public record SyncChange(String type, UUID id, Op op, Long version, Object record) {

    static SyncChange upsert(String type, SyncedType.Versioned versioned) {
        return new SyncChange(type, versioned.id(), Op.upsert, versioned.version(), versioned.record());
    }

    static SyncChange tombstone(String type, UUID id, long version) {
        return new SyncChange(type, id, Op.delete, version, null);
    }
}
