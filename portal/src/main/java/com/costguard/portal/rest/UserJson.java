package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.IssuedToken;
import com.costguard.model.user.NewUser;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import com.costguard.model.user.UserChanges;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users to and from JSON, with SPEC §5's field names. A user is answered with its id, username,
 * email, name, roles, slackUserId and createdAt: never its password hash nor any of its tokens,
 * which are shown once, in the answer that issues them ({@link #of(IssuedToken)}).
 *
 * <p>A change ({@code PUT}) replaces the fields it gives of {@code name}, {@code roles}, {@code
 * password} and {@code slackUserId}; {@code null} removes the Slack mapping and is refused for the
 * others. The other fields of a user as read (id, username, email, createdAt) cannot be changed and
 * are ignored, so a user as read may be sent back changed.
 */
final class UserJson {

  private UserJson() {}

  static NewUser newUser(JsonObject body) {
    return new NewUser(
        JsonFields.text(body, "username"),
        JsonFields.text(body, "email").orElse(null),
        JsonFields.text(body, "name").orElse(null),
        roles(body).orElse(null),
        JsonFields.text(body, "password"),
        JsonFields.text(body, "slackUserId"));
  }

  static UserChanges changes(JsonObject body) {
    return new UserChanges(
        body.containsKey("name") ? Optional.of(kept(body, "name")) : Optional.empty(),
        body.containsKey("roles")
            ? Optional.of(
                roles(body)
                    .orElseThrow(
                        () -> invalid("roles", "roles cannot be removed: a user has at least one")))
            : Optional.empty(),
        body.containsKey("password") ? Optional.of(kept(body, "password")) : Optional.empty(),
        body.containsKey("slackUserId")
            ? Optional.of(JsonFields.text(body, "slackUserId"))
            : Optional.empty());
  }

  /** A field a user always has: given as {@code null} it is refused, not removed. */
  private static String kept(JsonObject body, String name) {
    return JsonFields.text(body, name)
        .orElseThrow(() -> invalid(name, name + " cannot be removed, only changed"));
  }

  /** Role names as sent; empty for a missing or {@code null} field. */
  private static Optional<List<String>> roles(JsonObject body) {
    return JsonFields.value(body, "roles")
        .map(
            value -> {
              if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid("roles", "roles must be a list of role names, e.g. [\"VIEWER\"]");
              }
              List<String> names = new ArrayList<>();
              var array = value.asJsonArray();
              for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonString name)) {
                  throw invalid("roles[" + i + "]", "a role is a name, e.g. \"VIEWER\"");
                }
                names.add(name.getString());
              }
              return names;
            });
  }

  static JsonObject list(List<User> users) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    users.forEach(user -> array.add(of(user)));
    return Json.createObjectBuilder().add("users", array).build();
  }

  static JsonObject of(User user) {
    JsonArrayBuilder roles = Json.createArrayBuilder();
    user.roles().stream().map(Role::name).forEach(roles::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", user.id())
            .add("username", user.username())
            .add("email", user.email())
            .add("name", user.name())
            .add("roles", roles);
    user.slackUserId()
        .ifPresentOrElse(id -> json.add("slackUserId", id), () -> json.addNull("slackUserId"));
    return json.add("createdAt", user.createdAt().toString()).build();
  }

  static JsonObject of(IssuedToken issued) {
    return Json.createObjectBuilder()
        .add("token", issued.token())
        .add("label", issued.label())
        .add("createdAt", issued.createdAt().toString())
        .build();
  }
}
