package app.partnersync.webhook;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PATCH …/webhooks/{webhookId}}: the fields to change. */
public record UpdateWebhookRequest(
        @Size(max = 2000) String url,

        @Size(min = 1, max = 20) List<@EventSubscription String> events,

        @CodePointLength(max = 200) String description,
        Boolean active) {

    boolean isEmpty() {
        return url == null && events == null && description == null && active == null;
    }
}
