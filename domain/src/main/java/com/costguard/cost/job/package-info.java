/**
 * The job cost engine: what a long-running metered job (typically a GPU training run) has cost so
 * far, how that compares with its estimate and with on-demand pricing, and what it will cost when
 * it finishes (SPEC §2).
 *
 * <p>Pure Java: no jakarta.* imports, no I/O, no clock. Callers pass the job's {@link
 * com.costguard.cost.job.JobSpec}, every lifecycle event reported so far (in any order, duplicates
 * included) and the instant to cost at; {@link com.costguard.cost.job.JobCostCalculator} returns a
 * {@link com.costguard.cost.job.JobCostView}. {@link com.costguard.cost.job.JobTimeline} decides
 * which time is billed; {@link com.costguard.cost.Money} is the only place that rounds, and every
 * displayed total is the sum of its displayed (cent-rounded) lines.
 */
package com.costguard.cost.job;
