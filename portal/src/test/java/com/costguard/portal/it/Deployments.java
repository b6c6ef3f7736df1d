package com.costguard.portal.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as built (not a hand-assembled archive), served at {@code /}. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive costguard() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("costguard.war")))
        .as(WebArchive.class);
  }
}
