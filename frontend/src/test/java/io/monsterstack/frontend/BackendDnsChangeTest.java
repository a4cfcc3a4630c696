package io.monsterstack.frontend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.monsterstack.testsupport.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Swarm takes a stopping image backend task out of DNS (endpoint_mode: dnsrr), whose answers say
 * TTL 600: within seconds the frontend must connect to the remaining task only. Two backends on the
 * same port, A on 127.0.0.1 and B on 127.0.0.2, behind one name served by the test's own DNS server.
 */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(BackendDnsChangeTest.TwoBackendsBehindDns.class)
class BackendDnsChangeTest {

    private static final String A = "127.0.0.1";
    private static final String B = "127.0.0.2";
    // A pooled connection is closed once idle for the client's connection-ttl (2 s), so probes leave it
    // idle longer: one probe every 200 ms kept the connection to A, and A, for 10 s. In Swarm the
    // stopping task ends such connections itself (Connection: close during its shutdown delay).
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(2500);
    // Vert.x's DNS cache (2 s) plus the connection-ttl (2 s), with a margin.
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    /** The address the test's DNS server gives for the backend's name (set by {@link TwoBackendsBehindDns}). */
    AtomicReference<InetAddress> dnsAnswer;

    @ConfigProperty(name = "quarkus.rest-client.imagebackend.url")
    URI backendUrl;

    @Test
    void newMonstersComeFromTheNewAddressWithinSeconds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertServedBy(A, "before-" + i);
        }

        dnsAnswer.set(InetAddress.getByName(B));
        AtomicInteger probes = new AtomicInteger();
        await("a new monster served by B after the DNS change").atMost(SETTLE_LIMIT).pollDelay(Duration.ZERO)
                .pollInterval(PROBE_INTERVAL)
                .until(() -> servedBy(B, fetch("probe-" + probes.getAndIncrement())));

        // Settled: every new monster now comes from B, and A gets no request at all.
        for (int i = 0; i < 5; i++) {
            assertServedBy(B, "after-" + i);
        }
    }

    private void assertServedBy(String address, String name) {
        fetch(name);
        assertTrue(servedBy(address, name), name + " was not served by " + address);
    }

    // Exactly one of the two backends was asked for the monster, once.
    private boolean servedBy(String address, String name) {
        int fromA = calls(A, name);
        int fromB = calls(B, name);
        assertEquals(1, fromA + fromB, name + ": calls to A " + fromA + ", to B " + fromB);
        return (A.equals(address) ? fromA : fromB) == 1;
    }

    private static String fetch(String name) {
        given().when().get("/monster/{name}", name).then()
                .statusCode(200)
                .contentType("image/png");
        return name;
    }

    private int calls(String address, String name) {
        return given().baseUri("http://" + address + ":" + backendUrl.getPort()).when().get("/calls/{name}", name).then()
                .statusCode(200)
                .extract().asString().transform(Integer::parseInt);
    }

    /** The two backends and the DNS server naming A; hands the test the DNS answer to switch. */
    public static class TwoBackendsBehindDns implements QuarkusTestResourceLifecycleManager {

        private static final String NAME = "imagebackend.dnstest";

        private final AtomicReference<InetAddress> answer = new AtomicReference<>();
        private final FakeImageBackend backendA = new FakeImageBackend();
        private final FakeImageBackend backendB = new FakeImageBackend();
        private DnsServer dns;

        @Override
        public Map<String, String> start() {
            try {
                int port = ServiceProcess.freePort();
                backendA.listen(new InetSocketAddress(A, port));
                backendB.listen(new InetSocketAddress(B, port));
                answer.set(InetAddress.getByName(A));
                dns = new DnsServer(NAME, answer);
                return Map.of(
                        "quarkus.rest-client.imagebackend.url", "http://" + NAME + ":" + port,
                        "quarkus.vertx.resolver.servers", "127.0.0.1:" + dns.port(),
                        // The name is looked up as it is, whatever the machine's resolv.conf says.
                        "quarkus.vertx.resolver.ndots", "1");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(answer, new TestInjector.MatchesType(AtomicReference.class));
        }

        @Override
        public void stop() {
            backendA.stop();
            backendB.stop();
            if (dns != null) {
                dns.close();
            }
        }
    }
}
