package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arithmetic of the attempt limits ({@link RateLimiter}): epoch-aligned fixed windows, what remains, when the
 * window resets (the Retry-After of a refused attempt); and the {@code RateLimit} header fields ({@link RequestQuotas}).
 */
class RateLimitRulesTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @ParameterizedTest
    @CsvSource({
        "2030-05-01T10:07:30Z, 2030-05-01T10:00:00Z",
        "2030-05-01T10:00:00Z, 2030-05-01T10:00:00Z",
        "2030-05-01T10:14:59.999Z, 2030-05-01T10:00:00Z",
        "2030-05-01T10:15:00Z, 2030-05-01T10:15:00Z"
    })
    void windowsAreAlignedToTheEpochSoEveryInstanceCountsInTheSameOne(Instant now, Instant start) {
        assertEquals(start, RateLimiter.windowStart(now, FIFTEEN_MINUTES));
    }

    @Test
    void theQuotaSaysWhatRemainsAndWhenTheWindowResets() {
        Instant now = Instant.parse("2030-05-01T10:07:30Z");
        assertEquals(
                new RequestQuotas.Quota("login-ip", 10, FIFTEEN_MINUTES, 7, 451),
                RateLimiter.quota("login-ip", 10, FIFTEEN_MINUTES, 3, now));
    }

    @Test
    void pastTheLimitNothingRemains() {
        Instant now = Instant.parse("2030-05-01T10:07:30Z");
        assertEquals(
                0, RateLimiter.quota("login-ip", 10, FIFTEEN_MINUTES, 10, now).remaining());
        assertEquals(
                0, RateLimiter.quota("login-ip", 10, FIFTEEN_MINUTES, 11, now).remaining());
    }

    @Test
    void theResetIsNeverZeroSecondsEvenAtTheLastMomentOfAWindow() {
        assertEquals(
                1,
                RateLimiter.quota("refresh-ip", 600, FIFTEEN_MINUTES, 601, Instant.parse("2030-05-01T10:14:59.999Z"))
                        .resetSeconds());
        assertEquals(
                2,
                RateLimiter.quota("refresh-ip", 600, FIFTEEN_MINUTES, 601, Instant.parse("2030-05-01T10:14:59Z"))
                        .resetSeconds());
    }

    @Test
    void theHeaderFieldsListEveryQuotaInTheOrderCounted() {
        List<RequestQuotas.Quota> quotas = List.of(
                new RequestQuotas.Quota("writes-ip", 1200, Duration.ofMinutes(1), 1199, 1),
                new RequestQuotas.Quota("writes-account", 300, Duration.ofMinutes(1), 0, 60));
        assertEquals(
                Map.of(
                        "RateLimit-Policy",
                        "\"writes-ip\";q=1200;w=60, \"writes-account\";q=300;w=60",
                        "RateLimit",
                        "\"writes-ip\";r=1199;t=1, \"writes-account\";r=0;t=60"),
                RequestQuotas.headers(quotas));
    }

    @Test
    void noQuotaNoHeaderFields() {
        assertEquals(Map.of(), RequestQuotas.headers(List.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.9, 203.0.113.9",
        "2001:db8:1:2:3:4:5:6, 20010db800010002::/64",
        "2001:db8:1:2:ffff::1, 20010db800010002::/64",
        "::1, 0000000000000000::/64",
        "::ffff:203.0.113.9, ::ffff:203.0.113.9"
    })
    void aClientCountsByItsIpv4AddressOrItsIpv6Slash64(String peer, String key) {
        assertEquals(key, RequestQuotas.addressKey(peer));
    }

    @Test
    void aRequestWithoutAPeerAddressCountsAsUnknown() {
        assertEquals("unknown", RequestQuotas.addressKey(null));
    }
}
