package com.costguard.portal.security;

import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.primefaces.csp.CspException;

/**
 * CSRF defence of the portal's forms: a post whose view state the server did not issue to this
 * session (forged on another site, replayed into another session, or left from before the session
 * ended) restores no view, so Faces raises {@link ViewExpiredException}; it is answered 403 with a
 * short explanation instead of the 500 error page, and nothing of the post is applied. So is a post
 * without the page's CSP nonce ({@code primefaces.nonce}, which PrimeFaces' script adds to every
 * post and checks against the view's: {@link CspException}).
 */
public class FormPostRefusals extends ExceptionHandlerFactory {

  public FormPostRefusals(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        ExceptionQueuedEvent event = events.next();
        if (forged(event.getContext().getException())) {
          events.remove();
          refuse(event.getContext().getContext());
        }
      }
      super.handle();
    }

    private static boolean forged(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ViewExpiredException
            || t instanceof ProtectedViewException
            || t instanceof CspException) {
          return true;
        }
      }
      return false;
    }

    private static void refuse(FacesContext faces) {
      ExternalContext external = faces.getExternalContext();
      if (!external.isResponseCommitted()) {
        external.responseReset();
        external.setResponseStatus(403);
        external.setResponseContentType("text/plain; charset=UTF-8");
        try {
          external
              .getResponseOutputWriter()
              .write(
                  "This form was not issued to your session (it expired, or another site sent"
                      + " it). Nothing was changed: reload the page and try again.\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      faces.responseComplete();
    }
  }
}
