package com.costguard.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void aLostConnectionDeepInTheCauseChainIsAnOutage() {
    var driver = new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1");
    var jpa =
        new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException(driver));

    assertThat(DatabaseOutage.causedBy(new IllegalStateException("tx", jpa))).isTrue();
  }

  @Test
  void aConnectionSqlStateOrThePoolGivingUpIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new SQLException("Communications link failure", "08S01")))
        .isTrue();
    assertThat(
            DatabaseOutage.causedBy(
                new RuntimeException(
                    new SQLException(
                        "Error in allocating a connection. Cause: Connection could not be"
                            + " allocated"))))
        .isTrue();
    SQLException chained = new SQLException("batch failed");
    chained.setNextException(new SQLException("connection reset", "08006"));
    assertThat(DatabaseOutage.causedBy(chained)).isTrue();
  }

  @Test
  void aBugOrABadStatementIsNot() {
    assertThat(DatabaseOutage.causedBy(new NullPointerException())).isFalse();
    assertThat(
            DatabaseOutage.causedBy(
                new PersistenceException(new SQLSyntaxErrorException("bad SQL", "42000"))))
        .isFalse();
    assertThat(DatabaseOutage.causedBy(new SQLException("Duplicate entry", "23000"))).isFalse();
  }

  @Test
  void aCauseCycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(DatabaseOutage.causedBy(a)).isFalse();
  }
}
