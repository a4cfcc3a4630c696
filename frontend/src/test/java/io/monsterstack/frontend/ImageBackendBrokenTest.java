package io.monsterstack.frontend;

import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A backend that answers HTTP but renders no monster is reachable, not healthy. */
@QuarkusTest
@WithTestResource(RedisServer.class)
@WithTestResource(value = FakeImageBackend.class, initArgs = @ResourceArg(name = "broken", value = "true"))
class ImageBackendBrokenTest {

    @TestHTTPResource(value = "health", management = true)
    URL health;

    @Test
    void servesAndSaysTheBackendAnsweredAnError() {
        DependencyDown.assertServingWithout(health, "imagebackend", equalTo("image backend answered 500"));
    }
}
