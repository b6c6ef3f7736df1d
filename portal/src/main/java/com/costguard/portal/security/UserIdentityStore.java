package com.costguard.portal.security;

import com.costguard.application.UserService;
import com.costguard.model.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/** Checks portal passwords against the users table; a user's roles become its groups. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  @Inject UserService users;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return users
        .authenticate(credential.getCaller(), credential.getPassword().getValue())
        .map(
            user ->
                new CredentialValidationResult(
                    user.username(),
                    user.roles().stream().map(Role::name).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
