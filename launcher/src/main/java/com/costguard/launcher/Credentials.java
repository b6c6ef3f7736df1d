package com.costguard.launcher;

import com.costguard.config.Configuration;
import com.costguard.model.user.Secrets;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The bootstrap admin password and API token: from the environment when given, else generated on
 * the first run and kept (readable by the owner only) in the data directory, so every run can print
 * them, like an initial-admin-password file.
 */
record Credentials(String adminPassword, String apiToken) {

  static final String FILE = "initial-credentials.properties";

  static Credentials resolve(Configuration configuration) throws IOException {
    Path file = configuration.dataDir().resolve(FILE);
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        stored.load(in);
      }
    }
    String password =
        configuration
            .adminPassword()
            .orElseGet(() -> stored.getProperty("adminPassword", Secrets.generate("", 15)));
    String token =
        configuration
            .apiToken()
            .orElseGet(() -> stored.getProperty("apiToken", Secrets.generate("cg_", 24)));
    if (configuration.adminPassword().isEmpty() || configuration.apiToken().isEmpty()) {
      stored.setProperty("adminPassword", password);
      stored.setProperty("apiToken", token);
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(file)) {
        stored.store(out, "Initial Costguard credentials (admin password, API token)");
      }
    }
    return new Credentials(password, token);
  }
}
