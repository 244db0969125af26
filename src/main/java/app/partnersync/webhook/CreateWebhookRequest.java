package app.partnersync.webhook;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of registering a webhook. */
public record CreateWebhookRequest(
        @NotNull @Size(max = 2000) String url,

        @NotNull @Size(min = 1, max = 20) List<@EventSubscription String> events,

        @CodePointLength(max = 200) String description) {}
