/** Adapters to the outside: JPA repositories, Flyway, start-up, health checks, clock. */
package com.costguard.infrastructure;
