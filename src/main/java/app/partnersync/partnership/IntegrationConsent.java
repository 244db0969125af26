package app.partnersync.partnership;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT …/integration-consent}: whether the caller lets integrations read check-ins and repair plans. */
public record IntegrationConsent(@NotNull Boolean allowed) {}
