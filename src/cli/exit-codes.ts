/** Documented in README: what CI sees. */
export const EXIT = {
  /** No finding at or above the fail threshold. */
  clean: 0,
  /** At least one unsuppressed finding at or above the fail threshold. */
  findings: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** Part of the input was not reviewed (a file failed to load, a rule crashed). Wins over 1. */
  incomplete: 3,
} as const;
