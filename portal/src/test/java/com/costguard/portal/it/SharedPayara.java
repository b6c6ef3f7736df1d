package com.costguard.portal.it;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The Payara Micro process that {@link SharedDeployment} classes share: started lazily by the first
 * test instance that needs it, once per JVM, and stopped when the launcher session ends —
 * registered after {@link TestDatabase}, so it closes before the database stops — or, should the
 * JVM end otherwise, by a shutdown hook.
 */
public final class SharedPayara implements TestInstancePostProcessor, LauncherSessionListener {

  private static PayaraMicroProcess shared;
  private static boolean hooked;

  /** The shared instance's base URL (ending in {@code /}); starts it on first use. */
  public static synchronized URL url() {
    if (shared == null) {
      shared = PayaraMicroProcess.start("shared", Deployments.testWar());
      if (!hooked) {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedPayara::stop, "stop-shared-payara"));
        hooked = true;
      }
    }
    return shared.url();
  }

  /**
   * The shared instance's thread dump into {@code file} ({@link PayaraMicroProcess#threadDump}).
   */
  public static synchronized void threadDump(java.nio.file.Path file) throws Exception {
    shared.threadDump(file);
  }

  private static synchronized void stop() {
    if (shared != null) {
      shared.stop();
      shared = null;
    }
  }

  /** Fills the test's {@code @ArquillianResource URL} fields, as Arquillian would. */
  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(ArquillianResource.class)
            && field.getType() == URL.class
            && !Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          field.set(test, url());
        }
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }
}
