-- Whether a priority tier's clients carry their unused monthly allocation into the next month
-- (SPEC §2 "optional rollover"; seed 000 FR7.3.2 "Monthly Rollover option"). Off by default.
ALTER TABLE priority_tiers ADD COLUMN rollover BOOLEAN NOT NULL DEFAULT FALSE;
