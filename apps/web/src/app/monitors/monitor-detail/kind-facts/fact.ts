/** One line of the monitor's facts: a label and what to show under it. */
export interface Fact {
  label: string;
  text: string;
  /** Makes the text a link (an HTTP monitor's URL). */
  href?: string;
  /** A short tag before the text, such as the HTTP method. */
  tag?: string;
  /** Bytes, names and addresses as typed, in a monospace font. */
  code?: boolean;
  /** Something that weakens the check, in the warning colour. */
  warning?: boolean;
}

/** A kind's facts: what it watches (shown first, full width) and how it judges the answer. */
export interface KindFacts {
  target: Fact;
  details: Fact[];
}
