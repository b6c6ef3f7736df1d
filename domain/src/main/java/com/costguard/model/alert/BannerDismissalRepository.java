package com.costguard.model.alert;

import java.time.Instant;

/**
 * Which users dismissed which budget banners: one budget's banner of one threshold in one period
 * (identified by its alert period key), per user.
 */
public interface BannerDismissalRepository {

  boolean dismissed(String username, long budgetId, Instant periodKey, int threshold);

  /** Records a dismissal; dismissing again changes nothing. */
  void dismiss(String username, long budgetId, Instant periodKey, int threshold, Instant at);
}
