package com.costguard.portal.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API of SPEC §5, for job runners and services; bearer tokens only. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
