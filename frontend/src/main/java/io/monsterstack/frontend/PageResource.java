package io.monsterstack.frontend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.config.FrontendConfig;
import io.monsterstack.service.health.SelfWarmUp;
import io.monsterstack.service.http.PlainText;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The page: a name form, its monster, the replica that served it and the visit counter. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String title, String name, int maxLength, String hash, Replica replica,
                Long visits);
    }

    private final FrontendConfig config;
    private final Replica replica;
    private final VisitCounter visits;
    private final SelfWarmUp warmUp;

    PageResource(FrontendConfig config, Replica replica, VisitCounter visits, SelfWarmUp warmUp) {
        this.config = config;
        this.replica = replica;
        this.visits = visits;
        this.warmUp = warmUp;
    }

    /** The page of {@code ?name=…}, so a monster can be linked, bookmarked and reloaded; the form sends it. */
    @GET
    public Uni<TemplateInstance> show(@RestQuery String name, @RestHeader(SelfWarmUp.HEADER) String warmUpToken) {
        return render(name, warmUpToken);
    }

    /** The original's form post, kept for {@code curl -d name=…} and old pages. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> submit(String body, @RestHeader(SelfWarmUp.HEADER) String warmUpToken) {
        try {
            return render(NameForm.name(body), warmUpToken);
        } catch (NameForm.MalformedFormException e) {
            throw PlainText.refusal(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (NameForm.FieldTooLargeException e) {
            throw PlainText.refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    // Every page view is one visit, whichever way the name came; the replica's own warm-up is none.
    private Uni<TemplateInstance> render(String requested, String warmUpToken) {
        String name = nameOrDefault(requested);
        String hash = hash(config.salt() + name);
        Uni<Long> count = warmUp.isOwnRequest(warmUpToken) ? visits.current() : visits.increment();
        return count.map(visitCount -> Templates.page(
                config.title(), name, config.nameMaxLength(), hash, replica, visitCount));
    }

    private String nameOrDefault(String name) {
        if (name == null || name.isBlank()) {
            return config.defaultName();
        }
        if (name.length() > config.nameMaxLength()) {
            throw PlainText.refusal(Response.Status.BAD_REQUEST, "name must be at most " + config.nameMaxLength() + " characters");
        }
        return name;
    }

    /** hex(sha256(salt + name)), the original's monster URL, so existing links keep their monster. */
    static String hash(String saltedName) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(saltedName.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
