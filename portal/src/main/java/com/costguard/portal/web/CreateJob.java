package com.costguard.portal.web;

import com.costguard.application.ClientService;
import com.costguard.application.JobService;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientDetails;
import com.costguard.model.client.Project;
import com.costguard.model.client.ProjectDetails;
import com.costguard.model.job.Job;
import com.costguard.model.job.NewJob;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The jobs page's "New job" form, for writers (a VIEWER sees none and {@link JobService#create}
 * refuses one all the same): a job as a runner would announce it, with its cost attribution picked
 * from the registered clients and projects (by code, which is what attribution reads), and dialogs
 * that register a new client or project on the spot ({@link ClientService}: ADMIN and
 * BUDGET_MANAGER). Every figure is read exactly as typed, never through {@code double}; a refusal
 * is shown next to the field it names.
 */
@Named
@ViewScoped
public class CreateJob implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The service's field names: each form names its inputs after them. */
  private static final Map<String, String> JOB_FIELDS =
      inputs(
          "jobForm",
          "name",
          "client",
          "project",
          "team",
          "provider",
          "gpuType",
          "pricing",
          "hourlyRate",
          "onDemandHourlyRate",
          "estimateMin",
          "estimateMax",
          "totalSteps");

  private static final Map<String, String> CLIENT_FIELDS =
      inputs("clientForm", "name", "code", "industry", "priorityTier");

  private static final Map<String, String> PROJECT_FIELDS =
      inputs("projectForm", "name", "clientId", "code", "startDate", "endDate", "projectedRevenue");

  @Inject JobService jobs;
  @Inject ClientService clients;
  @Inject CurrentUser currentUser;

  // the job
  private String name;
  private String gpuType = "A100";
  private String provider;
  private String team;
  private String pricing = "on_demand";
  private String hourlyRate;
  private String onDemandHourlyRate;
  private String estimateMin;
  private String estimateMax;
  private String totalSteps;
  private String client;
  private String project;

  // a new client
  private String clientName;
  private String clientCode;
  private String clientIndustry;
  private String clientTier = "B";

  // a new project
  private String projectName;
  private Long projectClient;
  private String projectCode;
  private LocalDate projectStart;
  private LocalDate projectEnd;
  private String projectRevenue;

  /** Whether the signed-in user may register clients and projects (the service checks again). */
  public boolean isMayRegister() {
    return currentUser.user().map(ClientService::mayManage).orElse(false);
  }

  public List<Client> getClients() {
    return clients.clients();
  }

  /** The projects of the chosen client, else every project. */
  public List<Project> getProjects() {
    return clients.projectsOf(client);
  }

  /** Nothing to keep: a new job has no unregistered attribution (attribution-fields.xhtml). */
  public List<String> getKeptClients() {
    return List.of();
  }

  public List<String> getKeptProjects() {
    return List.of();
  }

  public void create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      NewJob job =
          new NewJob(
              "portal-" + UUID.randomUUID(),
              name,
              Optional.empty(),
              optional(client),
              optional(project),
              optional(team),
              optional(provider),
              optional(gpuType),
              pricing,
              amount("hourlyRate", hourlyRate),
              Optional.ofNullable(amount("onDemandHourlyRate", onDemandHourlyRate)),
              amount("estimateMin", estimateMin),
              amount("estimateMax", estimateMax),
              steps(),
              Optional.empty());
      Job created = jobs.create(currentUser.actor(), job);
      Refusals.info(faces, "Created job “%s” (#%d).".formatted(created.name(), created.id()));
      name = null;
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, JOB_FIELDS);
    }
  }

  public void registerClient() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Client created =
          clients.create(
              currentUser.actor(),
              new ClientDetails(clientName, clientCode, optional(clientIndustry), clientTier));
      client = created.code();
      projectClient = created.id();
      project = null;
      clientName = null;
      clientCode = null;
      clientIndustry = null;
      Refusals.info(faces, "Registered client “%s”.".formatted(created.name()));
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, CLIENT_FIELDS);
    }
  }

  /** Opens the project dialog for the client chosen in the job form. */
  public void prepareProject() {
    clients.clients().stream()
        .filter(c -> c.code().equals(client))
        .findFirst()
        .ifPresent(c -> projectClient = c.id());
  }

  public void registerProject() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Project created =
          clients.create(
              currentUser.actor(),
              new ProjectDetails(
                  projectName,
                  projectClient,
                  projectCode,
                  Optional.ofNullable(projectStart),
                  Optional.ofNullable(projectEnd),
                  Optional.ofNullable(amount("projectedRevenue", projectRevenue)),
                  Optional.empty()));
      client = clients.client(created.clientId()).code();
      project = created.code();
      projectName = null;
      projectCode = null;
      projectRevenue = null;
      Refusals.info(faces, "Registered project “%s”.".formatted(created.name()));
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, PROJECT_FIELDS);
    }
  }

  /** Field name → the client id of the input of {@code form} named after it. */
  private static Map<String, String> inputs(String form, String... fields) {
    return Arrays.stream(fields).collect(Collectors.toMap(f -> f, f -> form + ":" + f));
  }

  private static Optional<String> optional(String text) {
    return Optional.ofNullable(text).filter(t -> !t.isBlank()).map(String::strip);
  }

  /** An amount exactly as typed ("1,250.50" too); null when blank, for the service to require. */
  private static BigDecimal amount(String field, String text) {
    Optional<String> typed = optional(text);
    if (typed.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(typed.get().replace(",", "").replace("$", ""));
    } catch (NumberFormatException e) {
      throw RequestRefusedException.invalid(field, "must be an amount, e.g. 2.50");
    }
  }

  private Long steps() {
    Optional<String> typed = optional(totalSteps);
    if (typed.isEmpty()) {
      return null;
    }
    try {
      return Long.valueOf(typed.get().replace(",", ""));
    } catch (NumberFormatException e) {
      throw RequestRefusedException.invalid("totalSteps", "must be a whole number of steps");
    }
  }

  // ---- properties ----

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGpuType() {
    return gpuType;
  }

  public void setGpuType(String gpuType) {
    this.gpuType = gpuType;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }

  public String getPricing() {
    return pricing;
  }

  public void setPricing(String pricing) {
    this.pricing = pricing;
  }

  public String getHourlyRate() {
    return hourlyRate;
  }

  public void setHourlyRate(String hourlyRate) {
    this.hourlyRate = hourlyRate;
  }

  public String getOnDemandHourlyRate() {
    return onDemandHourlyRate;
  }

  public void setOnDemandHourlyRate(String onDemandHourlyRate) {
    this.onDemandHourlyRate = onDemandHourlyRate;
  }

  public String getEstimateMin() {
    return estimateMin;
  }

  public void setEstimateMin(String estimateMin) {
    this.estimateMin = estimateMin;
  }

  public String getEstimateMax() {
    return estimateMax;
  }

  public void setEstimateMax(String estimateMax) {
    this.estimateMax = estimateMax;
  }

  public String getTotalSteps() {
    return totalSteps;
  }

  public void setTotalSteps(String totalSteps) {
    this.totalSteps = totalSteps;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public String getClientName() {
    return clientName;
  }

  public void setClientName(String clientName) {
    this.clientName = clientName;
  }

  public String getClientCode() {
    return clientCode;
  }

  public void setClientCode(String clientCode) {
    this.clientCode = clientCode;
  }

  public String getClientIndustry() {
    return clientIndustry;
  }

  public void setClientIndustry(String clientIndustry) {
    this.clientIndustry = clientIndustry;
  }

  public String getClientTier() {
    return clientTier;
  }

  public void setClientTier(String clientTier) {
    this.clientTier = clientTier;
  }

  public String getProjectName() {
    return projectName;
  }

  public void setProjectName(String projectName) {
    this.projectName = projectName;
  }

  public Long getProjectClient() {
    return projectClient;
  }

  public void setProjectClient(Long projectClient) {
    this.projectClient = projectClient;
  }

  public String getProjectCode() {
    return projectCode;
  }

  public void setProjectCode(String projectCode) {
    this.projectCode = projectCode;
  }

  public LocalDate getProjectStart() {
    return projectStart;
  }

  public void setProjectStart(LocalDate projectStart) {
    this.projectStart = projectStart;
  }

  public LocalDate getProjectEnd() {
    return projectEnd;
  }

  public void setProjectEnd(LocalDate projectEnd) {
    this.projectEnd = projectEnd;
  }

  public String getProjectRevenue() {
    return projectRevenue;
  }

  public void setProjectRevenue(String projectRevenue) {
    this.projectRevenue = projectRevenue;
  }
}
