package com.costguard.portal.web;

import com.costguard.application.RequestRefusedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * A service's refusal as a message on the page: next to the field it names when the form has one
 * (so a screen reader reads it with the field), else at the top of the form.
 */
final class Refusals {

  private Refusals() {}

  /**
   * @param fields the service's field names (before any {@code [index]}) and the client ids of the
   *     inputs that hold them
   */
  static void show(FacesContext faces, RequestRefusedException e, Map<String, String> fields) {
    String clientId = e.field().map(f -> f.replaceAll("\\[.*$", "")).map(fields::get).orElse(null);
    String text = e.getMessage();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    faces.validationFailed();
  }

  static void info(FacesContext faces, String text) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
  }
}
