package com.costguard.portal.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The MariaDB connection pool, from SPEC §6's {@code COSTGUARD_DB_*} variables (MicroProfile Config
 * reads {@code costguard.db.url} from {@code COSTGUARD_DB_URL}). The launcher sets the URL of the
 * embedded database when none is given.
 *
 * <p>Tuned for a database outage (issue 9): a request waits at most 5 s for a connection and a new
 * connection at most 5 s for the server ({@code loginTimeout}), so the API answers 503 within
 * seconds instead of hanging; every connection is checked with {@code Connection.isValid} (a round
 * trip; {@code meta-data} is answered by the MariaDB driver without one) before it is handed out,
 * and one found dead drops the whole pool, so that once MariaDB is back the next requests get fresh
 * connections and the application recovers by itself. A server that accepts connections but never
 * answers is bounded only by a {@code socketTimeout} in {@code COSTGUARD_DB_URL}.
 *
 * <p>A connection is checked at most once a second (issue 8): a job event takes a connection four
 * times (its token, its job, the budgets in scope, its transaction), and each check was a round
 * trip to MariaDB, a quarter of the event's. A connection that died within the second fails its
 * statement with a connection error, which is answered 503 like a failed check, and the next check,
 * a second later at most, drops the pool.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/costguard",
    className = "com.costguard.portal.infrastructure.LocalMariaDbDataSource",
    url = "${MPCONFIG=costguard.db.url}",
    user = "${MPCONFIG=costguard.db.user:root}",
    password = "${MPCONFIG=costguard.db.password:}",
    minPoolSize = 2,
    maxPoolSize = 32,
    loginTimeout = 5,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.validate-atmost-once-period-in-seconds=1",
      "fish.payara.max-wait-time-in-millis=5000"
    })
@ApplicationScoped
public class CostguardDataSource {}
