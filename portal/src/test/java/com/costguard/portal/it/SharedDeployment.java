package com.costguard.portal.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an integration-test class against the one Payara Micro that all such classes share in a
 * failsafe run, instead of an Arquillian deployment of its own (house rule: a few shared
 * deployments for many tests; each Arquillian class costs a Payara start of 20-30 s). The process
 * serves the built WAR plus the test-only servlets ({@link Deployments#testWar()}), starts when the
 * first such class needs it and stops when the run ends ({@link SharedPayara}). Its base URL is
 * injected into every {@code @ArquillianResource URL} field, so a class keeps its body.
 *
 * <p>Converting a class written in the Arquillian pattern is one line: replace
 *
 * <pre>{@code @ExtendWith(ArquillianExtension.class)}</pre>
 *
 * with {@code @SharedDeployment}; then delete its {@code @RunAsClient} and its {@code @Deployment}
 * method, which nothing reads any more. What a class sharing the deployment must respect, since
 * other classes ran before it on the same application and database:
 *
 * <ul>
 *   <li>create its own uniquely named data (a UUID in a client, operation or user name) and read
 *       back only that, never totals or lists of everything;
 *   <li>put back what it changes in the running application (e.g. restart the alert dispatcher it
 *       stopped through {@link AlertScheduleTrigger}, in an {@code @AfterEach});
 *   <li>need nothing in the WAR beyond the built one and the test servlets in {@link
 *       Deployments#testWar()} (add a new test servlet there);
 *   <li>expect other classes' background work (pending alert e-mail being retried, the sweeps) to
 *       go on while it runs.
 * </ul>
 *
 * A test that needs an instance of its own, such as a second one on the same database, starts one
 * with {@link PayaraMicroProcess#start} and stops it itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedPayara.class)
public @interface SharedDeployment {}
