package app.partnersync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF refusals by address: every non-public kind, IPv4 and IPv6, and the scheme rules around loopback. */
class TargetGuardTest {

    /** An address literal: parsed, never looked up. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(literal + " is not an address literal", e);
        }
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(TargetGuardTest::address).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", // loopback
                "127.255.0.9",
                "10.1.2.3", // private
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254", // link-local: cloud metadata
                "100.64.0.1", // shared address space (CGNAT)
                "100.127.255.255",
                "0.0.0.0", // unspecified, "this network"
                "0.1.2.3",
                "192.0.0.8", // IETF protocol assignments
                "224.0.0.1", // multicast
                "240.0.0.1", // reserved
                "255.255.255.255", // broadcast
                "::1", // IPv6 loopback
                "::", // unspecified
                "fe80::1", // link-local
                "fec0::1", // site-local (deprecated)
                "fc00::1", // unique local
                "fd00:ec2::254", // cloud metadata over IPv6
                "ff02::1", // multicast
                "::ffff:10.0.0.1", // IPv4-mapped private
                "::ffff:169.254.169.254",
                "::10.0.0.1", // IPv4-compatible private
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "64:ff9b::10.1.2.3",
                "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
                "2002:c0a8:0101::", // 6to4 of 192.168.1.1
                "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo, client 10.0.0.1 (inverted)
            })
    void internalAddressesAreNeverCalled(String literal) {
        assertTrue(TargetGuard.internal(address(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.1",
                "192.0.1.1",
                "192.169.0.1",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808", // NAT64 of 8.8.8.8
                "2002:808:808::1", // 6to4 of 8.8.8.8
                "2001:0:4136:e378:8000:63bf:f7f7:f7f7" // Teredo, client 8.8.8.8 (inverted)
            })
    void publicAddressesMayBeCalled(String literal) {
        assertFalse(TargetGuard.internal(address(literal)), literal);
    }

    @Test
    void httpsToPublicAddressesIsAllowed() {
        assertEquals(Optional.empty(), TargetGuard.refusal("https", addresses("8.8.8.8", "2606:4700::1"), false));
        assertEquals(Optional.empty(), TargetGuard.refusal("HTTPS", addresses("8.8.8.8"), false));
    }

    @Test
    void plainHttpOrAnotherSchemeIsRefusedForPublicAddresses() {
        assertEquals(Optional.of("must use https"), TargetGuard.refusal("http", addresses("8.8.8.8"), false));
        assertEquals(Optional.of("must use https"), TargetGuard.refusal("http", addresses("8.8.8.8"), true));
        assertEquals(Optional.of("must use https"), TargetGuard.refusal("ftp", addresses("8.8.8.8"), false));
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        assertEquals(
                Optional.of("resolves to a loopback address"),
                TargetGuard.refusal("https", addresses("8.8.8.8", "127.0.0.1"), false));
        assertEquals(
                Optional.of("resolves to a loopback address"), TargetGuard.refusal("https", addresses("::1"), false));
        assertEquals(Optional.empty(), TargetGuard.refusal("https", addresses("127.0.0.1"), true));
    }

    @Test
    void plainHttpIsAllowedOnlyWhenEveryAddressIsAnAllowedLoopback() {
        assertEquals(Optional.empty(), TargetGuard.refusal("http", addresses("127.0.0.1", "::1"), true));
        assertEquals(
                Optional.of("must use https"), TargetGuard.refusal("http", addresses("127.0.0.1", "8.8.8.8"), true));
    }

    @Test
    void oneInternalAddressAmongPublicOnesRefusesTheTarget() {
        assertEquals(
                Optional.of("resolves to a private, link-local or metadata address"),
                TargetGuard.refusal("https", addresses("8.8.8.8", "169.254.169.254"), false));
        assertEquals(
                Optional.of("resolves to a private, link-local or metadata address"),
                TargetGuard.refusal("https", addresses("127.0.0.1", "fd00:ec2::254"), true));
    }
}
