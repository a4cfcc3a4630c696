package io.monsterstack.frontend.client;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The dnmonster-compatible image backend; statuses are checked by {@link ImageBackendClient}. */
@RegisterRestClient(configKey = "imagebackend")
@Path("/")
interface ImageBackendApi {

    @GET
    @Path("monster/{name}")
    Uni<RestResponse<byte[]>> monster(@Encoded @RestPath String name, @RestQuery int size);
}
