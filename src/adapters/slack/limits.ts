// Slack's message limits, kept as data so the renderer and the test fake check the same numbers.
// Sources: https://docs.slack.dev/reference/block-kit/blocks, the section/header/context/button
// references, and slackapi/bolt-js#2509 (msg_blocks_too_long well below the documented sums).

export const SLACK_LIMITS = {
  /** blocks in one message */
  blocks: 50,
  /** text of a section block */
  sectionText: 3000,
  /** fields in one section block */
  sectionFields: 10,
  /** text of one section field */
  fieldText: 2000,
  /** plain_text of a header block */
  headerText: 150,
  /** elements in one context block */
  contextElements: 10,
  /** text of one context element (Slack documents no separate number; the field size is a safe bound) */
  contextText: 2000,
  /** elements in one actions block */
  actionElements: 25,
  /** plain_text label of a button */
  buttonText: 75,
  /** value carried by a button */
  buttonValue: 2000,
  /** action_id / block_id */
  actionId: 255,
  /** top-level `text` of a message (Slack truncates beyond this) */
  messageText: 40000,
  /**
   * Sum of all text in a message's blocks. Slack documents no such limit, but refuses messages with
   * msg_blocks_too_long at around 13k characters; staying under 12k keeps a margin.
   */
  totalBlockText: 12000,
} as const;

/** What the renderer appends where it had to cut. */
export const TRUNCATION_MARK = '…(truncated)';
