package com.costguard.cost.job;

import static com.costguard.cost.job.EventScript.at;
import static com.costguard.cost.job.EventScript.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobTimelineTest {

  /**
   * Minutes per stage (loading / preprocessing / training / finalizing), paused minutes, the billed
   * minutes of each interruption ({@code -} for none) and the state at {@code now}.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # script                                                                                                    | now   | load | prep | train | final | paused | interruptions | state
          # stages: before any progress the job is loading; a stageless step means training
          08:00 started                                                                                                 | 09:00 | 60   | 0    | 0     | 0     | 0      | -             | RUNNING
          08:00 started; 08:30 progress 10                                                                              | 09:00 | 30   | 0    | 30    | 0     | 0      | -             | RUNNING
          08:00 started; 08:10 progress 0 preprocessing; 08:20 progress 0 training; 09:20 progress 100; 09:30 progress 110 finalizing; 09:40 completed | 12:00 | 10 | 10 | 70 | 10 | 0 | - | COMPLETED
          08:00 started; 08:10 progress 0 preprocessing; 08:20 progress 5                                               | 08:30 | 10   | 20   | 0     | 0     | 0      | -             | RUNNING
          08:00 started; 08:10 stage training; 08:40 stage finalizing                                                   | 09:00 | 10   | 0    | 30    | 20    | 0      | -             | RUNNING
          # paused time is not billed
          08:00 started; 08:00 progress 0 training; 09:00 paused; 09:30 resumed                                         | 10:00 | 0    | 0    | 90    | 0     | 30     | -             | RUNNING
          08:00 started; 08:00 paused                                                                                   | 10:00 | 0    | 0    | 0     | 0     | 120    | -             | PAUSED
          08:00 started; 08:30 resumed                                                                                  | 09:00 | 60   | 0    | 0     | 0     | 0      | -             | RUNNING
          08:00 started; 08:30 paused; 08:40 paused; 09:00 resumed                                                      | 09:30 | 60   | 0    | 0     | 0     | 30     | -             | RUNNING
          08:00 started; 08:00 progress 0 training; 09:00 paused; 10:00 completed                                       | 11:00 | 0    | 0    | 60    | 0     | 60     | -             | COMPLETED
          # interruptions: reported recovery minutes, else the measured gap (so far while open)
          08:00 started; 08:00 progress 0 training; 09:00 interrupted; 09:12 recovered 8                                | 10:00 | 0    | 0    | 108   | 0     | 0      | 8             | RUNNING
          08:00 started; 08:00 progress 0 training; 09:00 interrupted; 09:12 recovered                                  | 10:00 | 0    | 0    | 108   | 0     | 0      | 12            | RUNNING
          08:00 started; 08:00 progress 0 training; 09:00 interrupted                                                   | 09:30 | 0    | 0    | 60    | 0     | 0      | 30            | INTERRUPTED
          08:00 started; 08:00 progress 0 training; 09:00 interrupted; 09:05 interrupted; 09:10 recovered 4; 09:30 interrupted; 09:45 recovered | 10:00 | 0 | 0 | 95 | 0 | 0 | 4/15 | RUNNING
          08:00 started; 08:05 interrupted; 08:20 recovered 10; 08:30 progress 0 training                               | 09:00 | 15   | 0    | 30    | 0     | 0      | 10            | RUNNING
          08:00 started; 08:00 progress 0 training; 09:00 interrupted; 09:20 failed                                     | 12:00 | 0    | 0    | 60    | 0     | 0      | 20            | FAILED
          08:00 started; 08:10 interrupted; 08:20 paused; 08:30 recovered 5; 08:50 resumed                              | 09:00 | 20   | 0    | 0     | 0     | 20     | 5             | RUNNING
          08:00 started; 08:30 recovered 7                                                                              | 09:00 | 60   | 0    | 0     | 0     | 0      | 7             | RUNNING
          08:00 started; 08:30 recovered                                                                                | 09:00 | 60   | 0    | 0     | 0     | 0      | -             | RUNNING
          08:00 started; 08:00 interrupted                                                                              | 08:45 | 0    | 0    | 0     | 0     | 0      | 45            | INTERRUPTED
          # the end locks the cost: later events are ignored
          08:00 started; 08:00 progress 0 training; 09:00 cancelled; 09:30 progress 50; 10:00 completed                 | 12:00 | 0    | 0    | 60    | 0     | 0      | -             | CANCELLED
          08:00 started; 08:00 completed                                                                                | 12:00 | 0    | 0    | 0     | 0     | 0      | -             | COMPLETED
          08:00 started; 09:00 failed; 09:00 completed                                                                  | 12:00 | 60   | 0    | 0     | 0     | 0      | -             | FAILED
          # a runner that skips 'started' is billed from its first report
          08:30 progress 10                                                                                             | 09:00 | 0    | 0    | 30    | 0     | 0      | -             | RUNNING
          # now before the latest report: measured to that report
          08:00 started; 09:00 progress 10                                                                              | 08:30 | 60   | 0    | 0     | 0     | 0      | -             | RUNNING
          # across midnight
          23:00 started; 23:30 progress 0 training; +1 01:15 progress 300                                              | +1 02:00 | 30 | 0  | 150   | 0     | 0      | -             | RUNNING
          """)
  void replaysActiveTimeByStagePausesAndInterruptions(
      String script,
      String now,
      long loading,
      long preprocessing,
      long training,
      long finalizing,
      long paused,
      String interruptions,
      JobState state) {
    JobActivity activity = JobTimeline.of(parse(script)).replay(at(now));

    assertThat(activity.activeIn(Stage.LOADING)).isEqualTo(Duration.ofMinutes(loading));
    assertThat(activity.activeIn(Stage.PREPROCESSING)).isEqualTo(Duration.ofMinutes(preprocessing));
    assertThat(activity.activeIn(Stage.TRAINING)).isEqualTo(Duration.ofMinutes(training));
    assertThat(activity.activeIn(Stage.FINALIZING)).isEqualTo(Duration.ofMinutes(finalizing));
    assertThat(activity.paused()).isEqualTo(Duration.ofMinutes(paused));
    assertThat(activity.interruptions())
        .extracting(Interruption::billedMinutes)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyElementsOf(minutes(interruptions));
    assertThat(activity.state()).isEqualTo(state);
  }

  @Test
  void noEventsMeansNotStarted() {
    JobActivity activity = JobTimeline.of(List.of()).replay(at("09:00"));

    assertThat(activity.state()).isEqualTo(JobState.NOT_STARTED);
    assertThat(activity.active()).isZero();
    assertThat(activity.startedAt()).isEmpty();
    assertThat(activity.asOf()).isEqualTo(at("09:00"));
  }

  @Test
  void anInterruptionStillOpenIsMarkedOngoingAndOneClosedByTheEndIsNot() {
    String interrupted = "08:00 started; 09:00 interrupted";

    assertThat(JobTimeline.of(parse(interrupted)).replay(at("09:30")).interruptions())
        .singleElement()
        .satisfies(i -> assertThat(i.ongoing()).isTrue())
        .satisfies(i -> assertThat(i.at()).isEqualTo(at("09:00")));
    assertThat(
            JobTimeline.of(parse(interrupted + "; 09:40 cancelled"))
                .replay(at("12:00"))
                .interruptions())
        .singleElement()
        .satisfies(i -> assertThat(i.ongoing()).isFalse())
        .satisfies(i -> assertThat(i.gap()).isEqualTo(Duration.ofMinutes(40)));
  }

  @Test
  void theLatestStepAndStorageReportCount() {
    JobActivity activity =
        JobTimeline.of(
                parse(
                    "08:00 started; 08:10 progress 500; 08:20 storage 4.2; 08:30 interrupted;"
                        + " 08:40 recovered; 08:50 progress 480; 09:00 storage 3.1"))
            .replay(at("09:30"));

    assertThat(activity.latestStep()).contains(480L);
    assertThat(activity.storageGb()).contains(new BigDecimal("3.1"));
    assertThat(activity.startedAt()).contains(at("08:00"));
    assertThat(activity.endedAt()).isEmpty();
  }

  @Test
  void outOfOrderArrivalsArePlacedByTheirTimestamp() {
    List<JobEvent> inOrder =
        parse(
            "08:00 started; 08:10 progress 0 preprocessing; 08:20 progress 0 training;"
                + " 09:00 paused; 09:30 resumed; 10:00 interrupted; 10:10 recovered 6;"
                + " 10:30 progress 400; 11:00 storage 2");
    List<JobEvent> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(7));
    assertThat(shuffled).isNotEqualTo(inOrder);

    assertThat(JobTimeline.of(shuffled).events()).isEqualTo(inOrder);
    assertThat(JobTimeline.of(shuffled).replay(at("12:00")))
        .isEqualTo(JobTimeline.of(inOrder).replay(at("12:00")));
  }

  @Test
  void aLateEventChangesTheTimeAlreadyMeasured() {
    // The pause at 09:00 arrives after the 10:00 progress report: 09:00-09:30 is paused after all.
    List<JobEvent> arrivals =
        parse(
            "08:00 started; 08:00 progress 0 training; 10:00 progress 100;"
                + " 09:00 paused; 09:30 resumed");

    JobActivity activity = JobTimeline.of(arrivals).replay(at("10:00"));

    assertThat(activity.activeIn(Stage.TRAINING)).isEqualTo(Duration.ofMinutes(90));
    assertThat(activity.paused()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aDuplicateKeyIsIgnoredAndTheFirstArrivalWins() {
    List<JobEvent> arrivals =
        parse(
            "08:00 started #s; 08:00 progress 0 training #p0; 09:00 interrupted #i;"
                + " 09:20 recovered 5 #r; 09:20 recovered 15 #r; 09:00 interrupted #i;"
                + " 10:00 paused #pause; 10:45 paused #pause; 08:00 started #s");

    JobActivity activity = JobTimeline.of(arrivals).replay(at("11:00"));

    assertThat(JobTimeline.of(arrivals).events()).hasSize(5);
    assertThat(activity.interruptions())
        .singleElement()
        .satisfies(i -> assertThat(i.billedMinutes()).isEqualByComparingTo("5"));
    assertThat(activity.activeIn(Stage.TRAINING)).isEqualTo(Duration.ofMinutes(100));
    assertThat(activity.paused()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void eventsAtTheSameInstantKeepTheirArrivalOrder() {
    // Paused 09:00-10:00, resumed and paused again at 10:00, resumed 11:00: paused throughout.
    String script =
        "08:00 started; 08:00 progress 0 training; 09:00 paused; 10:00 resumed; 10:00 paused;"
            + " 11:00 resumed";

    JobActivity activity = JobTimeline.of(parse(script)).replay(at("12:00"));

    assertThat(activity.paused()).isEqualTo(Duration.ofMinutes(120));
    assertThat(activity.activeIn(Stage.TRAINING)).isEqualTo(Duration.ofMinutes(120));
  }

  @Test
  void subSecondTimestampsAreMeasuredExactly() {
    Instant start = at("08:00");
    List<JobEvent> events =
        List.of(
            JobEvent.of(JobEventType.STARTED, start, "a"),
            JobEvent.of(JobEventType.PAUSED, start.plusMillis(1500), "b"));

    JobActivity activity = JobTimeline.of(events).replay(start.plusSeconds(10));

    assertThat(activity.activeIn(Stage.LOADING)).isEqualTo(Duration.ofMillis(1500));
    assertThat(activity.paused()).isEqualTo(Duration.ofMillis(8500));
  }

  private static List<BigDecimal> minutes(String list) {
    return list.equals("-")
        ? List.of()
        : Arrays.stream(list.split("/")).map(BigDecimal::new).toList();
  }
}
