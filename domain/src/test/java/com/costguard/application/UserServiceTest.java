package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.model.user.NewUser;
import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Role;
import com.costguard.model.user.Secrets;
import com.costguard.model.user.User;
import com.costguard.model.user.UserChanges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class UserServiceTest {

  /** With nanoseconds, which the database does not keep. */
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456789Z");

  private static final String PASSWORD = "correct horse battery";

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final UserService service = new UserService();
  private User admin;

  @BeforeEach
  void wire() {
    UserWriter writer = new UserWriter();
    writer.users = users;
    service.users = users;
    service.writer = writer;
    service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    admin =
        new User("admin", "admin@localhost", "Administrator", EnumSet.of(Role.ADMIN), null, NOW);
    users.add(admin);
  }

  /** A new user; null stands for a field left out. */
  private static NewUser user(
      String username,
      String email,
      String name,
      List<String> roles,
      String password,
      String slack) {
    return new NewUser(
        Optional.ofNullable(username),
        email,
        name,
        roles,
        Optional.ofNullable(password),
        Optional.ofNullable(slack));
  }

  private static NewUser ada(String... roles) {
    return user(null, "ada@example.com", "Ada Lovelace", List.of(roles), null, null);
  }

  /** Ada as a VIEWER, with this e-mail, password and Slack id. */
  private static NewUser viewer(String email, String password, String slack) {
    return user(null, email, "Ada Lovelace", List.of("VIEWER"), password, slack);
  }

  private static UserChanges roles(String... roles) {
    return new UserChanges(
        Optional.empty(), Optional.of(List.of(roles)), Optional.empty(), Optional.empty());
  }

  private static UserChanges slack(Optional<String> slackUserId) {
    return new UserChanges(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(slackUserId));
  }

  private static void refused(ThrowingCallable call, Reason reason, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
              assertThat(e.field()).as(e.getMessage()).isEqualTo(Optional.ofNullable(field));
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void anAdminAddsAUserNamedByTheirEmailWithTheirRoles() {
    User created = service.create(admin, ada("ENGINEER", "APPROVER", "ENGINEER"));

    assertThat(created.id()).isNotNull();
    assertThat(created.username()).isEqualTo("ada@example.com");
    assertThat(created.email()).isEqualTo("ada@example.com");
    assertThat(created.name()).isEqualTo("Ada Lovelace");
    assertThat(created.roles()).containsExactly(Role.APPROVER, Role.ENGINEER);
    assertThat(created.passwordHash()).isEmpty();
    assertThat(created.slackUserId()).isEmpty();
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
    assertThat(service.list(admin)).containsExactly(admin, created);
    assertThat(service.get(admin, created.id())).isSameAs(created);
  }

  @Test
  void aGivenUsernamePasswordAndSlackIdAreKeptAndThePasswordOnlyAsAHash() {
    NewUser grace =
        new NewUser(
            Optional.of("grace"),
            "grace@example.com",
            "Grace Hopper",
            List.of("BUDGET_MANAGER"),
            Optional.of(PASSWORD),
            Optional.of("W012A3CDE"));

    User created = service.create(admin, grace);

    assertThat(created.username()).isEqualTo("grace");
    assertThat(created.slackUserId()).contains("W012A3CDE");
    assertThat(created.passwordHash())
        .hasValueSatisfying(h -> assertThat(h).doesNotContain(PASSWORD));
    assertThat(service.authenticate("grace", PASSWORD.toCharArray())).contains(created);
    assertThat(service.authenticate("grace", "wrong password!".toCharArray())).isEmpty();
    assertThat(grace.toString()).doesNotContain(PASSWORD);
  }

  static Stream<Arguments> invalidNewUsers() {
    String email = "ada@example.com";
    String name = "Ada Lovelace";
    List<String> viewer = List.of("VIEWER");
    return Stream.of(
        Arguments.of(user(null, null, name, viewer, null, null), "email"),
        Arguments.of(viewer(" ", null, null), "email"),
        Arguments.of(viewer("ada", null, null), "email"),
        Arguments.of(viewer("ada@", null, null), "email"),
        Arguments.of(viewer("@example.com", null, null), "email"),
        Arguments.of(viewer("ada@localhost", null, null), "email"),
        Arguments.of(viewer("ada lovelace@example.com", null, null), "email"),
        Arguments.of(viewer("ada@@example.com", null, null), "email"),
        Arguments.of(viewer("ada@example..com", null, null), "email"),
        Arguments.of(viewer("a".repeat(190) + "@example.com", null, null), "email"),
        Arguments.of(user("", email, name, viewer, null, null), "username"),
        Arguments.of(user(" ada", email, name, viewer, null, null), "username"),
        Arguments.of(user("u".repeat(201), email, name, viewer, null, null), "username"),
        Arguments.of(user(null, email, null, viewer, null, null), "name"),
        Arguments.of(user(null, email, "  ", viewer, null, null), "name"),
        Arguments.of(user(null, email, "n".repeat(201), viewer, null, null), "name"),
        Arguments.of(user(null, email, name, null, null, null), "roles"),
        Arguments.of(user(null, email, name, List.of(), null, null), "roles"),
        Arguments.of(user(null, email, name, List.of("VIEWER", "admin"), null, null), "roles[1]"),
        Arguments.of(user(null, email, name, List.of("SUPERUSER"), null, null), "roles[0]"),
        Arguments.of(viewer(email, "elevenchars", null), "password"),
        Arguments.of(viewer(email, "p".repeat(1025), null), "password"),
        Arguments.of(viewer(email, null, "u024be7lh"), "slackUserId"),
        Arguments.of(viewer(email, null, "B024BE7LH"), "slackUserId"),
        Arguments.of(viewer(email, null, "U024 BE7LH"), "slackUserId"),
        Arguments.of(viewer(email, null, ""), "slackUserId"));
  }

  @ParameterizedTest
  @MethodSource("invalidNewUsers")
  void anInvalidNewUserIsRefusedNamingTheField(NewUser invalid, String field) {
    refused(() -> service.create(admin, invalid), Reason.VALIDATION, field);
    assertThat(users.stored).containsExactly(admin);
  }

  @Test
  void aPasswordCountsCharactersNotCodeUnits() {
    String smiley = "\uD83D\uDE00"; // one character, two UTF-16 code units

    assertThat(
            service
                .create(admin, viewer("ada@example.com", smiley.repeat(12), null))
                .passwordHash())
        .isPresent();
    refused(
        () -> service.create(admin, viewer("bob@example.com", smiley.repeat(11), null)),
        Reason.VALIDATION,
        "password");
  }

  @Test
  void anEmailUsernameOrSlackIdAnotherUserHasIsAConflict() {
    service.create(admin, viewer("ada@example.com", null, "U024BE7LH"));

    refused(
        () -> service.create(admin, viewer("ADA@Example.com", null, null)),
        Reason.CONFLICT,
        "email");
    refused(
        () ->
            service.create(
                admin, user("Admin", "other@example.com", "Other", List.of("VIEWER"), null, null)),
        Reason.CONFLICT,
        "username");
    refused(
        () -> service.create(admin, viewer("other@example.com", null, "U024BE7LH")),
        Reason.CONFLICT,
        "slackUserId");
    assertThat(users.stored).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMIN"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyAnAdminManagesUsers(Role role) {
    User actor = new User("u-" + role, role + "@example.com", "U", EnumSet.of(role), null, NOW);
    long id = admin.id();

    List<ThrowingCallable> calls =
        List.of(
            () -> service.list(actor),
            () -> service.get(actor, id),
            () -> service.get(actor, Long.MAX_VALUE),
            () -> service.create(actor, ada("VIEWER")),
            () -> service.update(actor, id, roles("VIEWER")),
            () -> service.update(actor, id, UserChanges.none()),
            () -> service.issueToken(actor, id, Optional.empty()),
            () -> service.tokens(actor, id),
            () -> service.revokeToken(actor, id, 1));

    calls.forEach(call -> refused(call, Reason.FORBIDDEN, null));
    assertThat(users.stored).containsExactly(admin);
    assertThat(admin.roles()).containsExactly(Role.ADMIN);
    assertThat(users.tokens).isEmpty();
  }

  @Test
  void anUnknownUserIsNotFound() {
    long unknown = 404;

    refused(() -> service.get(admin, unknown), Reason.NOT_FOUND, null);
    refused(() -> service.update(admin, unknown, roles("VIEWER")), Reason.NOT_FOUND, null);
    refused(() -> service.issueToken(admin, unknown, Optional.empty()), Reason.NOT_FOUND, null);
    assertThat(users.tokens).isEmpty();
  }

  @Test
  void aChangeReplacesTheFieldsGivenAndKeepsTheOthers() {
    User ada = service.create(admin, viewer("ada@example.com", null, "U024BE7LH"));

    User renamed =
        service.update(
            admin,
            ada.id(),
            new UserChanges(
                Optional.of("Ada King"), Optional.empty(), Optional.empty(), Optional.empty()));

    assertThat(renamed.name()).isEqualTo("Ada King");
    assertThat(renamed.roles()).containsExactly(Role.VIEWER);
    assertThat(renamed.slackUserId()).contains("U024BE7LH");
    assertThat(renamed.passwordHash()).isEmpty();

    User changed =
        service.update(
            admin,
            ada.id(),
            new UserChanges(
                Optional.empty(),
                Optional.of(List.of("ENGINEER", "APPROVER")),
                Optional.of(PASSWORD),
                Optional.of(Optional.empty())));

    assertThat(changed.name()).isEqualTo("Ada King");
    assertThat(changed.roles()).containsExactly(Role.APPROVER, Role.ENGINEER);
    assertThat(changed.slackUserId()).isEmpty();
    assertThat(service.authenticate("ada@example.com", PASSWORD.toCharArray())).contains(ada);
    assertThat(changed.username()).isEqualTo("ada@example.com");
    assertThat(changed.createdAt()).isEqualTo(ada.createdAt());
  }

  @Test
  void aSlackIdMapsOneUserOnly() {
    User ada = service.create(admin, viewer("ada@example.com", null, "U024BE7LH"));

    refused(
        () -> service.update(admin, admin.id(), slack(Optional.of("U024BE7LH"))),
        Reason.CONFLICT,
        "slackUserId");
    assertThat(admin.slackUserId()).isEmpty();

    assertThat(service.update(admin, ada.id(), slack(Optional.of("U024BE7LH"))).slackUserId())
        .contains("U024BE7LH");
    service.update(admin, ada.id(), slack(Optional.empty()));
    assertThat(service.update(admin, admin.id(), slack(Optional.of("U024BE7LH"))).slackUserId())
        .contains("U024BE7LH");
  }

  static Stream<Arguments> invalidChanges() {
    Optional<String> none = Optional.empty();
    return Stream.of(
        Arguments.of(
            new UserChanges(Optional.of(""), Optional.empty(), none, Optional.empty()), "name"),
        Arguments.of(
            new UserChanges(Optional.of("n".repeat(201)), Optional.empty(), none, Optional.empty()),
            "name"),
        Arguments.of(roles(), "roles"),
        Arguments.of(roles("ENGINEER", "OWNER"), "roles[1]"),
        Arguments.of(
            new UserChanges(none, Optional.empty(), Optional.of("short"), Optional.empty()),
            "password"),
        Arguments.of(slack(Optional.of("not-a-slack-id")), "slackUserId"));
  }

  @ParameterizedTest
  @MethodSource("invalidChanges")
  void anInvalidChangeIsRefusedNamingTheFieldAndChangesNothing(UserChanges invalid, String field) {
    User ada = service.create(admin, ada("VIEWER"));

    refused(() -> service.update(admin, ada.id(), invalid), Reason.VALIDATION, field);
    assertThat(ada.name()).isEqualTo("Ada Lovelace");
    assertThat(ada.roles()).containsExactly(Role.VIEWER);
    assertThat(ada.passwordHash()).isEmpty();
    assertThat(ada.slackUserId()).isEmpty();
  }

  @Test
  void theLastAdminKeepsTheAdminRole() {
    refused(() -> service.update(admin, admin.id(), roles("VIEWER")), Reason.CONFLICT, "roles");
    assertThat(admin.roles()).containsExactly(Role.ADMIN);

    User ada = service.create(admin, ada("ADMIN", "ENGINEER"));
    User demoted = service.update(admin, admin.id(), roles("BUDGET_MANAGER"));

    assertThat(demoted.roles()).containsExactly(Role.BUDGET_MANAGER);
    refused(() -> service.update(ada, ada.id(), roles("ENGINEER")), Reason.CONFLICT, "roles");
    assertThat(ada.roles()).containsExactly(Role.ADMIN, Role.ENGINEER);
    // Changing the last ADMIN's other roles, or giving ADMIN with others, is no demotion.
    assertThat(service.update(ada, ada.id(), roles("ADMIN")).roles()).containsExactly(Role.ADMIN);
    assertThat(service.update(ada, ada.id(), UserChanges.none()).roles())
        .containsExactly(Role.ADMIN);
  }

  @Test
  void aTokenIsShownOnceAndKeptAsItsHash() {
    User ada = service.create(admin, ada("ENGINEER"));

    IssuedToken issued = service.issueToken(admin, ada.id(), Optional.of("nightly runner"));

    assertThat(issued.userId()).isEqualTo(ada.id());
    assertThat(issued.token()).startsWith("cg_").hasSizeGreaterThan(30);
    assertThat(issued.label()).isEqualTo("nightly runner");
    assertThat(issued.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
    assertThat(issued.toString()).doesNotContain(issued.token());
    assertThat(users.tokens)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(InMemoryUserRepository.hashOf(t))
                  .isEqualTo(Secrets.tokenHash(issued.token()))
                  .isNotEqualTo(issued.token());
              assertThat(t.user()).isSameAs(ada);
              assertThat(t.createdAt()).isEqualTo(issued.createdAt());
            });
    assertThat(service.byToken(issued.token())).contains(ada);

    IssuedToken second = service.issueToken(admin, ada.id(), Optional.of("  "));

    assertThat(second.label()).isEqualTo("api");
    assertThat(second.token()).isNotEqualTo(issued.token());
    assertThat(service.byToken(issued.token())).contains(ada);
    assertThat(service.byToken(second.token())).contains(ada);
  }

  @Test
  void aRevokedTokenStopsWorkingAndOnlyItsOwnersTokenCanBeRevoked() {
    User ada = service.create(admin, ada("ENGINEER"));
    IssuedToken kept = service.issueToken(admin, ada.id(), Optional.of("kept"));
    IssuedToken revoked = service.issueToken(admin, ada.id(), Optional.of("revoked"));
    long revokedId = service.tokens(admin, ada.id()).get(1).id();

    refused(() -> service.revokeToken(admin, admin.id(), revokedId), Reason.NOT_FOUND, null);
    service.revokeToken(admin, ada.id(), revokedId);

    assertThat(service.byToken(revoked.token())).isEmpty();
    assertThat(service.byToken(kept.token())).contains(ada);
    assertThat(service.tokens(admin, ada.id())).extracting(t -> t.label()).containsExactly("kept");
    refused(() -> service.revokeToken(admin, ada.id(), revokedId), Reason.NOT_FOUND, null);
  }

  @Test
  void aTokenLabelIsAtMostTwoHundredCharacters() {
    refused(
        () -> service.issueToken(admin, admin.id(), Optional.of("l".repeat(201))),
        Reason.VALIDATION,
        "label");
    assertThat(users.tokens).isEmpty();
  }

  @Test
  void passwordsAreHashedWithPbkdf2() {
    User created = service.create(admin, viewer("ada@example.com", PASSWORD, null));

    assertThat(created.passwordHash())
        .hasValueSatisfying(
            h -> {
              assertThat(h).startsWith("pbkdf2-sha256$");
              assertThat(PasswordHash.matches(PASSWORD.toCharArray(), h)).isTrue();
            });
  }
}
