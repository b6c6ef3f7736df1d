package com.costguard.portal.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as built (not a hand-assembled archive), served at {@code /}. */
public final class Deployments {

  private static Path testWar;

  private Deployments() {}

  public static WebArchive costguard() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("costguard.war")))
        .as(WebArchive.class);
  }

  /**
   * The built WAR plus every test-only servlet ({@link AlertScheduleTrigger}, {@link
   * JobSnapshotsTrigger}), exported once per JVM to {@code target/it-payara/costguard-it.war} for
   * the Payara Micro processes the tests start themselves ({@link PayaraMicroProcess}).
   */
  public static synchronized Path testWar() {
    if (testWar == null) {
      Path file = Path.of("target", "it-payara", "costguard-it.war").toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      costguard()
          .addClasses(AlertScheduleTrigger.class, JobSnapshotsTrigger.class, HeapProbe.class)
          .as(ZipExporter.class)
          .exportTo(file.toFile(), true);
      testWar = file;
    }
    return testWar;
  }
}
