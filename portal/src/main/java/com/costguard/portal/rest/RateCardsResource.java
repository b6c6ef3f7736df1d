package com.costguard.portal.rest;

import com.costguard.application.RateCardService;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.ratecard.RateCardVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET/POST /rate-cards}: the versioned prices that turn a cost event's units into an amount.
 * {@code GET /rate-cards/{id}} is there so that the {@code Location} of a new card answers.
 */
@Path("rate-cards")
@ApplicationScoped
public class RateCardsResource {

  @Inject RateCardService rateCards;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rate cards, newest effectiveFrom first",
      description =
          "Every version of every card, optionally only those of an operationType and/or a"
              + " unitType: {\"rateCards\": [{id, operationType, unitType, price, effectiveFrom,"
              + " version}]}. Among a pair's cards effective at the same instant, the highest"
              + " version is in force.")
  public JsonObject list(
      @QueryParam("operationType") String operationType, @QueryParam("unitType") String unitType) {
    return RateCardJson.list(
        rateCards.list(Optional.ofNullable(operationType), Optional.ofNullable(unitType)));
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One rate card version")
  @APIResponse(responseCode = "404", description = "no rate card has this id")
  public JsonObject one(@PathParam("id") long id) {
    return RateCardJson.of(
        rateCards
            .byId(id)
            .orElseThrow(
                () ->
                    new RequestRefusedException(
                        RequestRefusedException.Reason.NOT_FOUND, null, "no rate card " + id)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a rate card version (ADMIN)",
      description =
          "{operationType, unitType, price, effectiveFrom}: price is per unit of unitType, exact"
              + " to 12 decimals; effectiveFrom an ISO-8601 instant. The card becomes the pair's"
              + " next version; cards are never changed, a correction is a new version. Cost events"
              + " with units and no amount are priced with the card in force at their occurredAt"
              + " when they arrive; stored events are not repriced.")
  @APIResponse(responseCode = "201", description = "the card, with its id and version")
  @APIResponse(responseCode = "400", description = "the card is invalid; field names it")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  public Response add(InputStream body, @Context SecurityContext caller, @Context UriInfo request) {
    RateCardVersion card =
        rateCards.add(
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            RateCardJson.card(JsonBodies.object(body)));
    return Response.created(
            request.getAbsolutePathBuilder().path(String.valueOf(card.id())).build())
        .entity(RateCardJson.of(card))
        .build();
  }
}
