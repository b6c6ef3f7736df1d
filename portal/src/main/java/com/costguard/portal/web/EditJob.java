package com.costguard.portal.web;

import com.costguard.application.ClientService;
import com.costguard.application.JobService;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.client.Client;
import com.costguard.model.client.Project;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobEdit;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job page's "Edit" dialog: the job's name, team and cost attribution, picked with the "New
 * job" form's pickers (attribution-fields.xhtml). Shown to those {@link JobService#mayEdit} allows;
 * {@link JobService#update} checks again, so a forged postback changes nothing. A job whose client
 * or project is not registered (a runner may send free text) keeps it as an extra choice, and a
 * registered one named by its name rather than its code is sent back as stored, so that opening and
 * saving the dialog changes only what was changed.
 */
@Named
@ViewScoped
public class EditJob implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "name", "editForm:name",
          "team", "editForm:team",
          "client", "editForm:client",
          "project", "editForm:project");

  @Inject JobService jobs;
  @Inject ClientService clients;
  @Inject CurrentUser signedIn;
  @Inject ViewJob viewJob;

  private String name;
  private String team;
  private String client;
  private String project;

  /** The job's client and project as stored, and the codes the pickers show for them. */
  private String storedClient;

  private String shownClient;
  private String storedProject;
  private String shownProject;

  /** Whether the signed-in user may edit the job shown (the service checks again). */
  public boolean isMayEdit() {
    return viewJob.isLoaded() && JobService.mayEdit(signedIn.required(), viewJob.getJob());
  }

  /** Fills the dialog with the job as it is now: called as the dialog opens. */
  public void prepare() {
    Job job = viewJob.getJob();
    name = job.name();
    team = job.team().orElse(null);
    storedClient = job.client().orElse(null);
    shownClient =
        job.client()
            .flatMap(
                c ->
                    clients.clients().stream()
                        .filter(r -> r.code().equals(c) || r.name().equals(c))
                        .map(Client::code)
                        .findFirst())
            .orElse(storedClient);
    storedProject = job.project().orElse(null);
    shownProject =
        job.project()
            .flatMap(
                p ->
                    clients.projects().stream()
                        .filter(r -> r.code().equals(p) || r.name().equals(p))
                        .map(Project::code)
                        .findFirst())
            .orElse(storedProject);
    client = shownClient;
    project = shownProject;
  }

  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Job job =
          jobs.update(
              signedIn.actor(),
              viewJob.getJob().id(),
              new JobEdit(
                  name,
                  optional(sameAsShown(client, shownClient, storedClient)),
                  optional(sameAsShown(project, shownProject, storedProject)),
                  optional(team)));
      viewJob.refresh();
      Refusals.info(faces, "Saved job “%s”.".formatted(job.name()));
      org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, FIELDS);
    }
  }

  private static String sameAsShown(String chosen, String shown, String stored) {
    return chosen != null && chosen.equals(shown) ? stored : chosen;
  }

  private static Optional<String> optional(String text) {
    return Optional.ofNullable(text).filter(t -> !t.isBlank()).map(String::strip);
  }

  /** Never registers from this dialog: the job page has no client and project dialogs. */
  public boolean isMayRegister() {
    return false;
  }

  public void prepareProject() {
    // Nothing to prepare: see isMayRegister.
  }

  public List<Client> getClients() {
    return clients.clients();
  }

  /** The projects of the chosen client, else every project. */
  public List<Project> getProjects() {
    return clients.projectsOf(client);
  }

  /** The job's client when it is not a registered one, to keep it selectable. */
  public List<String> getKeptClients() {
    return kept(shownClient, clients.clients().stream().map(Client::code).toList());
  }

  /** The job's project when it is not a registered one, to keep it selectable. */
  public List<String> getKeptProjects() {
    return kept(shownProject, clients.projects().stream().map(Project::code).toList());
  }

  private static List<String> kept(String shown, List<String> registered) {
    return shown == null || registered.contains(shown) ? List.of() : List.of(shown);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
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
}
