/**
 * Block Kit limits Slack enforces: a message breaking one is refused whole (`invalid_blocks`).
 * Lengths are UTF-16 code units after escaping, never less than Slack's own count.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  checkboxOptions: 10,
  optionText: 150,
  actionId: 255,
  /**
   * The top-level `text` is only the notification and accessibility fallback when blocks are
   * present; Slack allows far more (40,000), but a notification never needs it.
   */
  fallbackText: 3000,
} as const;

/** Every `action_id` we put on a button starts with this, and only those are routed to us. */
export const ACTION_ID_PREFIX = 'aws:';
