package app.partnersync.sync;

import app.partnersync.support.SignedIn;
import app.partnersync.support.SyncFeed;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test client that keeps what it pulled: the latest version of every record, and every change it was given. */
final class SyncClient {

    final SignedIn who;
    final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    final Map<String, Long> versions = new LinkedHashMap<>();
    String cursor;

    SyncClient(SignedIn who) {
        this.who = who;
    }

    /** Pulls once; returns the page. */
    JsonPath pull(int limit) {
        JsonPath page = SyncFeed.page(who, cursor, limit);
        apply(page);
        return page;
    }

    /** Pulls until nothing more is waiting. */
    void catchUp() {
        for (int i = 0; i < 1_000; i++) {
            if (!pull(50).getBoolean("hasMore")) {
                return;
            }
        }
        throw new AssertionError("sync did not settle");
    }

    void apply(JsonPath page) {
        List<Map<String, Object>> changes = page.getList("changes");
        for (Map<String, Object> change : changes) {
            String key = change.get("type") + ":" + change.get("id");
            if ("delete".equals(change.get("op"))) {
                records.remove(key);
                versions.remove(key);
            } else {
                long version = ((Number) change.get("version")).longValue();
                Long before = versions.get(key);
                if (before != null && before > version) {
                    throw new AssertionError(key + " went back from version " + before + " to " + version);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) change.get("record");
                records.put(key, record);
                versions.put(key, version);
            }
        }
        cursor = page.getString("nextCursor");
    }
}
