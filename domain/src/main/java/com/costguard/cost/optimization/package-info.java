/**
 * What spot capacity saved over a range (SPEC §2 "Spot vs on-demand optimisation"), from each job's
 * cost view as the job cost engine computes it. Pure.
 */
package com.costguard.cost.optimization;
