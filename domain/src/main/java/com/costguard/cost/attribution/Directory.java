package com.costguard.cost.attribution;

import java.util.List;
import java.util.Optional;

/**
 * The registered clients and projects, and which of them a job's strings name. A job's {@code
 * client} names a client by its code, else by its name (exactly); {@code project} likewise. A job
 * naming a registered project and no client (or an unknown one) belongs to the project's client: a
 * project has one client. Codes win over names, so a client whose name is another's code cannot
 * take its jobs.
 */
public record Directory(List<ClientInfo> clients, List<ProjectInfo> projects) {

  public static final Directory EMPTY = new Directory(List.of(), List.of());

  public Directory {
    clients = List.copyOf(clients);
    projects = List.copyOf(projects);
  }

  public Optional<ProjectInfo> projectOf(CostedJob job) {
    return job.project()
        .flatMap(
            text ->
                projects.stream()
                    .filter(p -> p.code().equals(text))
                    .findFirst()
                    .or(() -> projects.stream().filter(p -> p.namedBy(text)).findFirst()));
  }

  public Optional<ClientInfo> clientOf(CostedJob job) {
    Optional<ClientInfo> named = job.client().flatMap(this::clientNamed);
    return named.or(() -> projectOf(job).flatMap(p -> client(p.clientId())));
  }

  /** The registered client a job's or cost event's {@code client} string names, if any. */
  public Optional<ClientInfo> clientNamed(String text) {
    return clients.stream()
        .filter(c -> c.code().equals(text))
        .findFirst()
        .or(() -> clients.stream().filter(c -> c.namedBy(text)).findFirst());
  }

  public Optional<ClientInfo> client(long id) {
    return clients.stream().filter(c -> c.id() == id).findFirst();
  }
}
