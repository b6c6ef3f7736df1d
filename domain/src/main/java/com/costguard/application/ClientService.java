package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.Money;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientDetails;
import com.costguard.model.client.ClientRepository;
import com.costguard.model.client.Project;
import com.costguard.model.client.ProjectDetails;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Clients and projects over every face: anyone signed in reads them; ADMINs and BUDGET_MANAGERs
 * create and change them (revenue and other costs are business figures, not an engineer's). Codes
 * and names are unique among clients, and among projects, since jobs name them by either.
 */
@ApplicationScoped
public class ClientService {

  static final int MAX_CODE = 50;

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  @Inject ClientRepository clients;
  @Inject Writer writer;

  public List<Client> clients() {
    return clients.clients();
  }

  /**
   * @throws RequestRefusedException 404 for an unknown client
   */
  public Client client(long id) {
    return clients
        .client(id)
        .orElseThrow(
            () -> new RequestRefusedException(Reason.NOT_FOUND, null, "there is no client " + id));
  }

  public List<Project> projects() {
    return clients.projects();
  }

  /**
   * The projects of the client whose code is {@code clientCode}, else (no code, or not a registered
   * client's) every project: what a form's project menu offers once a client is chosen.
   */
  public List<Project> projectsOf(String clientCode) {
    Optional<Long> chosen =
        clients.clients().stream()
            .filter(c -> c.code().equals(clientCode))
            .map(Client::id)
            .findFirst();
    return clients.projects().stream()
        .filter(p -> chosen.map(id -> id == p.clientId()).orElse(true))
        .toList();
  }

  /**
   * @throws RequestRefusedException 404 for an unknown project
   */
  public Project project(long id) {
    return clients
        .project(id)
        .orElseThrow(
            () -> new RequestRefusedException(Reason.NOT_FOUND, null, "there is no project " + id));
  }

  /**
   * @throws RequestRefusedException 403 unless ADMIN or BUDGET_MANAGER, 400 naming an invalid
   *     field, 409 when the code or name is taken
   */
  public Client create(Actor actor, ClientDetails details) {
    requireManager(actor.user());
    PriorityTier tier = validate(details);
    return stored(() -> writer.createClient(actor, details, tier), "client", details.code());
  }

  /** Replaces a client's details; as {@link #create}, and 404 for an unknown client. */
  public Client update(Actor actor, long id, ClientDetails details) {
    requireManager(actor.user());
    client(id);
    PriorityTier tier = validate(details);
    return stored(() -> writer.updateClient(actor, id, details, tier), "client", details.code());
  }

  /**
   * @throws RequestRefusedException 403 unless ADMIN or BUDGET_MANAGER, 400 naming an invalid field
   *     (an unknown clientId too), 409 when the code or name is taken
   */
  public Project create(Actor actor, ProjectDetails details) {
    requireManager(actor.user());
    validate(details);
    return stored(() -> writer.createProject(actor, details), "project", details.code());
  }

  /** Replaces a project's details; as {@link #create}, and 404 for an unknown project. */
  public Project update(Actor actor, long id, ProjectDetails details) {
    requireManager(actor.user());
    project(id);
    validate(details);
    return stored(() -> writer.updateProject(actor, id, details), "project", details.code());
  }

  /**
   * Sets a project's other costs and keeps its other details: the portal's inline edit of the
   * profitability table. The same rules as {@link #update}.
   *
   * @throws RequestRefusedException 403 unless ADMIN or BUDGET_MANAGER, 404 for an unknown project,
   *     400 naming {@code otherCosts}
   */
  public Project setOtherCosts(Actor actor, long id, BigDecimal otherCosts) {
    requireManager(actor.user());
    Project p = project(id);
    if (otherCosts == null) {
      throw invalid("otherCosts", "otherCosts is required");
    }
    return update(
        actor,
        id,
        new ProjectDetails(
            p.name(),
            p.clientId(),
            p.code(),
            p.startDate(),
            p.endDate(),
            p.projectedRevenue(),
            Optional.of(otherCosts)));
  }

  /** What each priority tier is allocated a month. */
  public Map<PriorityTier, BigDecimal> monthlyAllocations() {
    return clients.monthlyAllocations();
  }

  /** The tiers whose clients carry unused allocation into the next month. */
  public Set<PriorityTier> rolloverTiers() {
    return clients.rolloverTiers();
  }

  /**
   * Sets a tier's monthly allocation (SPEC §2: admin-editable), audited with the old and new
   * amounts.
   *
   * @throws RequestRefusedException 403 unless ADMIN, 400 naming {@code tier} or {@code
   *     monthlyAllocation}
   */
  public Map<PriorityTier, BigDecimal> setMonthlyAllocation(
      Actor actor, String tier, BigDecimal amount) {
    requireAdmin(actor.user());
    PriorityTier valid = tier(tier, "tier");
    if (amount == null) {
      throw invalid("monthlyAllocation", "monthlyAllocation is required");
    }
    CostEventService.money("monthlyAllocation", amount);
    writer.setMonthlyAllocation(actor, valid, amount);
    return clients.monthlyAllocations();
  }

  /**
   * Turns a tier's rollover on or off (ADMIN), audited.
   *
   * @throws RequestRefusedException 403 unless ADMIN, 400 naming {@code tier}
   */
  public Set<PriorityTier> setRollover(Actor actor, String tier, boolean rollover) {
    requireAdmin(actor.user());
    writer.setRollover(actor, tier(tier, "tier"), rollover);
    return clients.rolloverTiers();
  }

  private static void requireAdmin(User actor) {
    if (!actor.hasRole(Role.ADMIN)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN, null, "only an ADMIN may change the priority tiers");
    }
  }

  /**
   * Whether {@code user} may create and change clients and projects (what {@link #create} asks).
   */
  public static boolean mayManage(User user) {
    return user.hasRole(Role.ADMIN) || user.hasRole(Role.BUDGET_MANAGER);
  }

  private static <T> T stored(java.util.function.Supplier<T> write, String what, String code) {
    try {
      return write.get();
    } catch (PersistenceException raced) {
      // Another request took the code or name between our check and our insert.
      throw taken(what, code);
    }
  }

  private static RequestRefusedException taken(String what, String code) {
    return new RequestRefusedException(
        Reason.CONFLICT, "code", "another %s has the code '%s' or this name".formatted(what, code));
  }

  private static void requireManager(User actor) {
    if (!mayManage(actor)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN,
          null,
          "only an ADMIN or a BUDGET_MANAGER may change clients and projects");
    }
  }

  private static PriorityTier validate(ClientDetails details) {
    CostEventService.text("name", Optional.ofNullable(details.name()), true);
    code(details.code());
    CostEventService.text("industry", details.industry(), false);
    return tier(details.priorityTier(), "priorityTier");
  }

  private static PriorityTier tier(String tier, String field) {
    if (tier == null || tier.isBlank()) {
      throw invalid(field, field + " is required: A, B or C");
    }
    return Arrays.stream(PriorityTier.values())
        .filter(t -> t.name().equals(tier.strip().toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> invalid(field, field + " must be A, B or C"));
  }

  private void validate(ProjectDetails details) {
    CostEventService.text("name", Optional.ofNullable(details.name()), true);
    code(details.code());
    if (details.clientId() == null) {
      throw invalid("clientId", "clientId is required");
    }
    if (clients.client(details.clientId()).isEmpty()) {
      throw invalid("clientId", "there is no client " + details.clientId());
    }
    if (details.startDate().isPresent()
        && details.endDate().isPresent()
        && details.endDate().get().isBefore(details.startDate().get())) {
      throw invalid("endDate", "endDate must not be before startDate");
    }
    details.projectedRevenue().ifPresent(r -> CostEventService.money("projectedRevenue", r));
    details.otherCosts().ifPresent(c -> CostEventService.money("otherCosts", c));
  }

  private static void code(String code) {
    CostEventService.text("code", Optional.ofNullable(code), true);
    if (code.length() > MAX_CODE) {
      throw invalid("code", "at most %d characters".formatted(MAX_CODE));
    }
    if (!CODE.matcher(code).matches()) {
      // A code is what runners type into a job's client or project field: no spaces, no markup.
      throw invalid(
          "code", "letters, digits, '.', '_' and '-' only, starting with a letter or digit");
    }
  }

  /**
   * Writes in one transaction each, after a uniqueness check inside it, with the audit entry of
   * what changed (SPEC §4: old and new values) in the same transaction.
   */
  @ApplicationScoped
  public static class Writer {

    @Inject ClientRepository clients;
    @Inject AuditLog audit;
    @Inject Clock clock;

    @Transactional
    public Client createClient(Actor actor, ClientDetails d, PriorityTier tier) {
      refuseTaken(clients.clientTaken(d.code(), d.name(), Optional.empty()), "client", d.code());
      Client client = new Client(d.name(), d.code(), d.industry(), tier, clock.instant());
      clients.add(client);
      clients.flush();
      audit.record(actor, ClientAudit.created(client));
      return client;
    }

    @Transactional
    public Client updateClient(Actor actor, long id, ClientDetails d, PriorityTier tier) {
      refuseTaken(clients.clientTaken(d.code(), d.name(), Optional.of(id)), "client", d.code());
      Client client = clients.client(id).orElseThrow();
      var before = ClientAudit.fields(client);
      client.change(d.name(), d.code(), d.industry(), tier);
      clients.flush();
      ClientAudit.updated(before, client).ifPresent(c -> audit.record(actor, c));
      return client;
    }

    @Transactional
    public Project createProject(Actor actor, ProjectDetails d) {
      refuseTaken(clients.projectTaken(d.code(), d.name(), Optional.empty()), "project", d.code());
      Project project = new Project(d, clock.instant());
      clients.add(project);
      clients.flush();
      audit.record(actor, ClientAudit.created(project));
      return project;
    }

    @Transactional
    public void setMonthlyAllocation(Actor actor, PriorityTier tier, BigDecimal amount) {
      BigDecimal before = clients.monthlyAllocations().get(tier);
      clients.setMonthlyAllocation(tier, amount);
      if (before.compareTo(amount) != 0) {
        audit.record(
            actor,
            AuditedChange.of(
                    AuditAction.TIER_ALLOCATION_CHANGED,
                    AuditedChange.PRIORITY_TIER,
                    tier.name(),
                    Optional.of(allocation(before)),
                    Optional.of(allocation(amount)))
                .withChangePercent(
                    before.signum() == 0
                        ? Optional.empty()
                        : Optional.of(Money.percent(amount.subtract(before), before))));
      }
    }

    @Transactional
    public void setRollover(Actor actor, PriorityTier tier, boolean rollover) {
      boolean before = clients.rolloverTiers().contains(tier);
      clients.setRollover(tier, rollover);
      if (before != rollover) {
        audit.record(
            actor,
            AuditedChange.of(
                AuditAction.TIER_ROLLOVER_CHANGED,
                AuditedChange.PRIORITY_TIER,
                tier.name(),
                Optional.of(Json.createObjectBuilder().add("rollover", before).build().toString()),
                Optional.of(
                    Json.createObjectBuilder().add("rollover", rollover).build().toString())));
      }
    }

    private static String allocation(BigDecimal amount) {
      return Json.createObjectBuilder()
          .add("monthlyAllocation", Money.exact(amount))
          .build()
          .toString();
    }

    @Transactional
    public Project updateProject(Actor actor, long id, ProjectDetails d) {
      refuseTaken(clients.projectTaken(d.code(), d.name(), Optional.of(id)), "project", d.code());
      Project project = clients.project(id).orElseThrow();
      var before = ClientAudit.fields(project);
      project.change(d);
      clients.flush();
      ClientAudit.updated(before, project).ifPresent(c -> audit.record(actor, c));
      return project;
    }

    private static void refuseTaken(boolean taken, String what, String code) {
      if (taken) {
        throw taken(what, code);
      }
    }
  }
}
