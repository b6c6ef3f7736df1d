package com.costguard.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Portal sign-in: a JSF login form checked against {@link UserIdentityStore}. The pages that need a
 * signed-in user are listed in web.xml; the REST API and the Slack endpoint authenticate themselves
 * (bearer token, Slack signature).
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = ""))
@DeclareRoles({"ADMIN", "BUDGET_MANAGER", "APPROVER", "ENGINEER", "VIEWER"})
@ApplicationScoped
public class PortalSecurity {}
