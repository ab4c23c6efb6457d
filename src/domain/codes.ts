/** DfE ethnicity codes (903 ETHNIC) with their names. */
export const ETHNICITY_NAMES: Record<string, string> = {
  WBRI: 'White British', WIRI: 'White Irish', WOTH: 'Any other White background', WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma', MWBC: 'White and Black Caribbean', MWBA: 'White and Black African', MWAS: 'White and Asian',
  MOTH: 'Any other Mixed background', AIND: 'Indian', APKN: 'Pakistani', ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background', BCRB: 'Caribbean', BAFR: 'African', BOTH: 'Any other Black background',
  CHNE: 'Chinese', OOTH: 'Any other ethnic group', REFU: 'Refused', NOBT: 'Information not yet obtained',
};
export const ETHNICITY_CODES = Object.keys(ETHNICITY_NAMES);

/** The main ethnic group of a code: its first letter (C and O are both "Other"). */
export function ethnicGroup(code: string | null): string {
  if (!code) return 'Not known';
  if (code === 'REFU' || code === 'NOBT') return 'Not known';
  return ({ W: 'White', M: 'Mixed', A: 'Asian', B: 'Black', C: 'Other', O: 'Other' } as Record<string, string>)[code[0]] ?? 'Not known';
}

/**
 * The needs vocabulary shared by children and adopters' Low/Medium/High capacity (as family-finding platforms
 * record it). Sync may send other needs; these are the ones the demo and the matching documentation use.
 */
export const NEEDS = [
  'GLOBAL_DEVELOPMENTAL_DELAY', 'FASD', 'PHYSICAL_DISABILITY', 'LEARNING_DISABILITY', 'ATTACHMENT_DIFFICULTIES',
  'EMOTIONAL_BEHAVIOURAL', 'MEDICAL_CONDITION', 'UNCERTAIN_DEVELOPMENT', 'PARENTAL_MENTAL_HEALTH_HISTORY',
  'PARENTAL_SUBSTANCE_MISUSE',
] as const;
