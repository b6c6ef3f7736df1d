package com.costguard.bot.actions;

import com.costguard.application.Actor;
import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.IncreaseRequestService;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.Ids;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.IncreaseModal;
import com.costguard.bot.messages.RejectModal;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.config.Configuration;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import com.costguard.model.user.User;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The budget increase workflow in Slack (SPEC §3): the Increase budget button opens the modal, its
 * submission asks {@link IncreaseRequestService} (the same rules as the API and the portal), and
 * the approver's Approve / Reject (with a reason modal) decide. Whoever may not act gets an
 * ephemeral refusal and nothing changes.
 */
@ApplicationScoped
public class IncreaseActions {

  private static final Logger LOG = Logger.getLogger(IncreaseActions.class.getName());

  /** Shown in a modal whose metadata is not what we wrote. */
  static final String OUT_OF_DATE = "This form is out of date: open it again from the message.";

  @Inject SlackBot bot;
  @Inject SlackPeople people;
  @Inject BudgetService budgets;
  @Inject IncreaseRequestService requests;
  @Inject IncreaseThreads threads;
  @Inject Configuration configuration;

  /** Increase budget: opens the modal for the budget in the button's value. */
  public Response open(BlockActionRequest request, ActionContext context) {
    BlockActionPayload payload = request.getPayload();
    Clicked clicked = Clicked.of(payload);
    SlackWebApi api = bot.api().orElseThrow();
    if (clicked.actor(people, api).isEmpty()) {
      return context.ack();
    }
    BudgetView budget;
    try {
      budget = budgets.get(Long.parseLong(clicked.value()));
    } catch (RequestRefusedException | NumberFormatException e) {
      clicked.refuse(api, "That budget no longer exists.");
      return context.ack();
    }
    IncreaseModal.Origin origin =
        new IncreaseModal.Origin(
            budget.budget().id(),
            clicked.channel(),
            Optional.of(clicked.messageTs()),
            Optional.of(clicked.thread()));
    api.openView(
        payload.getTriggerId(), IncreaseModal.of(budget, origin, configuration.currency()));
    return context.ack();
  }

  /** The modal's submission: errors shown in the modal, or the request made and told. */
  public Response submit(ViewSubmissionRequest request, ViewSubmissionContext context) {
    var view = request.getPayload().getView();
    IncreaseModal.Origin origin;
    try {
      origin = IncreaseModal.Origin.decode(view.getPrivateMetadata());
    } catch (IllegalArgumentException e) {
      // Not the metadata our modal carries: a forged or mangled submission changes nothing.
      return context.ackWithErrors(Map.of(Ids.NEW_LIMIT_BLOCK, OUT_OF_DATE));
    }
    String slackUser = request.getPayload().getUser().getId();
    Optional<User> user = people.user(slackUser);
    if (user.isEmpty()) {
      return context.ackWithErrors(Map.of(Ids.NEW_LIMIT_BLOCK, Refusals.NOT_LINKED));
    }
    String limitText = value(view.getState(), Ids.NEW_LIMIT_BLOCK, Ids.NEW_LIMIT_INPUT);
    String justification = value(view.getState(), Ids.JUSTIFICATION_BLOCK, Ids.JUSTIFICATION_INPUT);
    Optional<BigDecimal> newLimit = amount(limitText);
    if (newLimit.isEmpty()) {
      return context.ackWithErrors(
          Map.of(Ids.NEW_LIMIT_BLOCK, "Enter an amount such as 600 or 1,250.50"));
    }
    IncreaseRequest made;
    try {
      made =
          requests.request(
              Actor.slack(user.get()), origin.budgetId(), newLimit.get(), justification);
    } catch (RequestRefusedException e) {
      String block =
          e.field().filter("justification"::equals).isPresent()
              ? Ids.JUSTIFICATION_BLOCK
              : Ids.NEW_LIMIT_BLOCK;
      return context.ackWithErrors(Map.of(block, e.getMessage()));
    }
    try {
      threads.requested(made, origin, Slack.mention(slackUser));
    } catch (SlackCallFailed e) {
      // The request stands (see the portal); only the thread did not hear of it.
      LOG.warning(() -> "Increase request %d: %s".formatted(made.id(), e.getMessage()));
    }
    return context.ack();
  }

  /** Approve: decided at once by an authorised approver; anyone else is refused. */
  public Response approve(BlockActionRequest request, ActionContext context) {
    Clicked clicked = Clicked.of(request.getPayload());
    SlackWebApi api = bot.api().orElseThrow();
    Optional<User> user = clicked.actor(people, api);
    if (user.isEmpty()) {
      return context.ack();
    }
    IncreaseRequest approved;
    try {
      approved = requests.approve(Actor.slack(user.get()), Long.parseLong(clicked.value()));
    } catch (NumberFormatException e) {
      // Not a value we put on the button: nothing to decide.
      clicked.refuse(api, "That request no longer exists.");
      return context.ack();
    } catch (RequestRefusedException e) {
      clicked.refuse(api, "You can't approve this request: " + e.getMessage() + ".");
      tellIfExpired(clicked.value());
      return context.ack();
    }
    threads.decided(approved, Slack.mention(clicked.user()));
    return context.ack();
  }

  /** A request found expired by a click (expiry is lazy) is told in its thread, once. */
  private void tellIfExpired(String requestId) {
    try {
      IncreaseRequest request = requests.get(Long.parseLong(requestId));
      if (request.status() == IncreaseStatus.EXPIRED) {
        threads.replyExpired(request);
      }
    } catch (RequestRefusedException | NumberFormatException | SlackCallFailed e) {
      LOG.fine(() -> "Increase request " + requestId + ": " + e.getMessage());
    }
  }

  /** Reject: asks an authorised approver for the reason; anyone else is refused at once. */
  public Response askReason(BlockActionRequest request, ActionContext context) {
    Clicked clicked = Clicked.of(request.getPayload());
    SlackWebApi api = bot.api().orElseThrow();
    Optional<User> user = clicked.actor(people, api);
    if (user.isEmpty()) {
      return context.ack();
    }
    IncreaseRequest asked;
    try {
      asked = requests.get(Long.parseLong(clicked.value()));
      IncreaseRequestService.mayDecide(user.get(), asked);
    } catch (NumberFormatException e) {
      clicked.refuse(api, "That request no longer exists.");
      return context.ack();
    } catch (RequestRefusedException e) {
      clicked.refuse(api, "You can't reject this request: " + e.getMessage() + ".");
      return context.ack();
    }
    if (asked.status() != IncreaseStatus.PENDING) {
      clicked.refuse(api, "This request is " + asked.status().apiName() + " already.");
      tellIfExpired(clicked.value());
      return context.ack();
    }
    String budget = budgets.get(asked.budgetId()).budget().name();
    api.openView(
        request.getPayload().getTriggerId(),
        RejectModal.of(asked, budget, configuration.currency()));
    return context.ack();
  }

  /** The reason modal's submission: rejected and told, or the refusal shown in the modal. */
  public Response reject(ViewSubmissionRequest request, ViewSubmissionContext context) {
    var view = request.getPayload().getView();
    String slackUser = request.getPayload().getUser().getId();
    Optional<User> user = people.user(slackUser);
    if (user.isEmpty()) {
      return context.ackWithErrors(Map.of(Ids.REASON_BLOCK, Refusals.NOT_LINKED));
    }
    String reason = value(view.getState(), Ids.REASON_BLOCK, Ids.REASON_INPUT);
    IncreaseRequest rejected;
    try {
      rejected =
          requests.reject(
              Actor.slack(user.get()), Long.parseLong(view.getPrivateMetadata()), reason);
    } catch (NumberFormatException e) {
      return context.ackWithErrors(Map.of(Ids.REASON_BLOCK, OUT_OF_DATE));
    } catch (RequestRefusedException e) {
      return context.ackWithErrors(Map.of(Ids.REASON_BLOCK, e.getMessage()));
    }
    threads.decided(rejected, Slack.mention(slackUser));
    return context.ack();
  }

  /** What was typed in an input; null when the block is missing or left empty. */
  static String value(ViewState state, String block, String action) {
    if (state == null || state.getValues() == null) {
      return null;
    }
    Map<String, ViewState.Value> inputs = state.getValues().get(block);
    ViewState.Value value = inputs == null ? null : inputs.get(action);
    return value == null ? null : value.getValue();
  }

  /** An amount as people type it ({@code $1,250.50}); empty when it is not one. */
  public static Optional<BigDecimal> amount(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.strip().replaceFirst("^\\$", "").replace(",", "").strip();
    if (!digits.matches("[0-9]{1,13}(\\.[0-9]{1,6})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(digits));
  }
}
