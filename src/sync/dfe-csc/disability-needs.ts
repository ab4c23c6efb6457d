// The CIN census disability codes the DfE payload carries in child_details.disabilities, and the hub needs they
// become. Codes with a counterpart in the needs vocabulary (src/domain/codes.ts) map onto it, so matching sees them.

/** Disability code -> hub need (NONE -> no need). */
export const DISABILITY_NEEDS: Readonly<Record<string, string | null>> = {
  NONE: null,
  MOB: 'PHYSICAL_DISABILITY',
  HAND: 'PHYSICAL_DISABILITY',
  PC: 'PHYSICAL_DISABILITY',
  LD: 'LEARNING_DISABILITY',
  BEH: 'EMOTIONAL_BEHAVIOURAL',
  CON: 'MEDICAL_CONDITION',
  INC: 'CONTINENCE',
  COMM: 'COMMUNICATION',
  HEAR: 'HEARING_IMPAIRMENT',
  VIS: 'VISUAL_IMPAIRMENT',
  AUT: 'AUTISM',
  DDA: 'OTHER_DISABILITY',
};

/** The disability codes accepted. */
export const DISABILITY_CODES: ReadonlySet<string> = new Set(Object.keys(DISABILITY_NEEDS));

/** Every need a disability can produce: replaced as a whole whenever disabilities are sent. */
export const NEEDS_FROM_DISABILITIES: ReadonlySet<string> = new Set(
  Object.values(DISABILITY_NEEDS).filter((n): n is string => n !== null),
);

/** The needs for these (valid, upper-case) disability codes, sorted and without repeats. */
export function needsForDisabilities(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => DISABILITY_NEEDS[c]).filter((n): n is string => !!n))].sort();
}

/**
 * A child's needs after disabilities were sent: the needs other paths set (FASD, attachment...) stay, the ones
 * earlier disabilities produced are replaced by `fromDisabilities`.
 */
export function mergeNeeds(stored: readonly string[], fromDisabilities: readonly string[]): string[] {
  const kept = stored.filter((n) => !NEEDS_FROM_DISABILITIES.has(n));
  return [...new Set([...kept, ...fromDisabilities])].sort();
}
