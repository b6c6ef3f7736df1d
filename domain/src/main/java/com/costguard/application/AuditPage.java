package com.costguard.application;

import com.costguard.model.audit.AuditEntry;
import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param total how many entries match the filter, on every page
 */
public record AuditPage(List<AuditEntry> entries, long total, int offset, int limit) {}
