package com.costguard.portal.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API of SPEC §5, for job runners and services; bearer tokens only.
 *
 * <p>Every resource class is {@code @ApplicationScoped}: one instance, its services injected once.
 * Per request, Jersey otherwise built a new instance through HK2 and CDI: HK2's lookups were in 516
 * of 4,029 samples of the requests in a profile of the job events benchmark (issue 8). The
 * resources keep no state and get the request's context as method parameters.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Costguard API",
            version = "1",
            description =
                "Report job progress and cost events; read spend; manage budgets, users and their"
                    + " API tokens. Money is a JSON"
                    + " decimal number, read exactly. Errors: {\"error\", \"message\", \"field\"}."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token from the run command's banner or POST /users/{id}/tokens")
public class ApiApplication extends Application {}
