package com.costguard.model.costevent;

/** An attribute of a cost event that spend can be grouped by. */
public enum SpendDimension {
  PROVIDER,
  MODE,
  SESSION,
  CLIENT,
  PROJECT
}
