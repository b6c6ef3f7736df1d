package com.costguard.model.job;

import java.util.Optional;

/**
 * What may be changed of a job once it exists: its name and its cost attribution. A required name
 * is null when missing; an absent client, project or team clears it.
 */
public record JobEdit(
    String name, Optional<String> client, Optional<String> project, Optional<String> team) {}
