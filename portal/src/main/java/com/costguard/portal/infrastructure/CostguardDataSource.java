package com.costguard.portal.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The MariaDB connection pool, from SPEC §6's {@code COSTGUARD_DB_*} variables (MicroProfile Config
 * reads {@code costguard.db.url} from {@code COSTGUARD_DB_URL}). The launcher sets the URL of the
 * embedded database when none is given.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/costguard",
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=costguard.db.url}",
    user = "${MPCONFIG=costguard.db.user:root}",
    password = "${MPCONFIG=costguard.db.password:}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.max-wait-time-in-millis=10000"
    })
@ApplicationScoped
public class CostguardDataSource {}
