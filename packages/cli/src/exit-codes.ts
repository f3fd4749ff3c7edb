export const exitCodes = {
  ok: 0,
  /** The courses have errors; nothing was written. */
  invalid: 1,
  /** The command line itself was wrong. */
  usage: 2,
  /** Something unexpected failed while writing output. */
  failure: 3,
  /** Teach-in itself failed (a bug): the details were written to a file. */
  crash: 4,
} as const;
