/**
 * Who the spend was for, and what it earned (SPEC §2 "Client attribution and profitability"): job
 * costs by client and by project over a range, project profit and margin, pricing insights and the
 * monthly allocation by priority tier. Pure: each job's cost comes from the job cost engine ({@link
 * com.costguard.cost.job.JobCostCalculator}), never from a rule copied here.
 */
package com.costguard.cost.attribution;
