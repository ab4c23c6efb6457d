import { NEEDS } from '../domain/codes';
import { SeededRandom } from './seeded-random';

/** What a family finder reads about a child: needs, health, birth family, contact. Siblings share the background. */
export interface ChildProfile {
  needs: string[];
  healthSummary: string;
  birthFamilyBackground: string;
  contactPlan: string;
}

type Need = (typeof NEEDS)[number];

const NEED_WEIGHTS: Record<Need, number> = {
  GLOBAL_DEVELOPMENTAL_DELAY: 3, FASD: 2, PHYSICAL_DISABILITY: 1, LEARNING_DISABILITY: 1.5, ATTACHMENT_DIFFICULTIES: 4,
  EMOTIONAL_BEHAVIOURAL: 3, MEDICAL_CONDITION: 2, UNCERTAIN_DEVELOPMENT: 4, PARENTAL_MENTAL_HEALTH_HISTORY: 5,
  PARENTAL_SUBSTANCE_MISUSE: 5,
};

const NEED_SENTENCES: Record<Need, string> = {
  GLOBAL_DEVELOPMENTAL_DELAY: 'Diagnosed with global developmental delay; receives speech and language therapy and portage support.',
  FASD: 'Assessed as likely to have foetal alcohol spectrum disorder; a paediatric review is planned.',
  PHYSICAL_DISABILITY: 'Has a physical disability affecting mobility and is supported by a physiotherapist.',
  LEARNING_DISABILITY: 'Has a learning disability and will need additional support in education.',
  ATTACHMENT_DIFFICULTIES: 'Shows signs of insecure attachment and benefits from consistent, predictable care.',
  EMOTIONAL_BEHAVIOURAL: 'Can become dysregulated at transitions; carers use a calm, therapeutic approach.',
  MEDICAL_CONDITION: 'Has a medical condition that is well managed with medication and regular hospital appointments.',
  UNCERTAIN_DEVELOPMENT: 'Development is currently on track but the long-term picture is uncertain given the family history.',
  PARENTAL_MENTAL_HEALTH_HISTORY: 'There is a history of parental mental ill health in the birth family.',
  PARENTAL_SUBSTANCE_MISUSE: 'Exposed to drugs and alcohol in utero; no withdrawal symptoms were observed at birth.',
};

const BACKGROUNDS = [
  'Birth mother is a care leaver who experienced domestic abuse; birth father is not named on the birth certificate.',
  'Both birth parents have a history of substance misuse and previous children have been adopted.',
  'Birth mother has learning difficulties and was not able to care for the child safely despite extensive support.',
  'The family were known to children\'s services because of neglect; older siblings live with a relative under a special guardianship order.',
  'Birth mother has a diagnosis of bipolar disorder; birth father has a history of offending and domestic violence.',
  'Concerns about chronic neglect and poor home conditions led to care proceedings; family and friends assessments were negative.',
  'Birth parents are young and have been unable to engage with parenting assessments; the wider family could not offer care.',
];

const CONTACT_PLANS = [
  'Annual letterbox contact with birth mother.',
  'Annual letterbox contact with both birth parents; direct contact with an older sibling twice a year.',
  'Letterbox contact twice a year with birth mother and maternal grandmother.',
  'Direct contact with siblings placed elsewhere three times a year; letterbox with birth parents.',
  'No direct contact; a later-life letter will be provided.',
];

/** Some needs (none for about a third of children), each at most once. */
export function needsFor(rng: SeededRandom): string[] {
  const count = rng.weighted({ 0: 3, 1: 4, 2: 3, 3: 1.5 } as Record<string, number>);
  const chosen = new Set<Need>();
  while (chosen.size < Number(count)) chosen.add(rng.weighted(NEED_WEIGHTS));
  return NEEDS.filter((n) => chosen.has(n));
}

/** A profile for a child with these needs; `background` is passed in so siblings tell the same story. */
export function profileFor(rng: SeededRandom, needs: string[], background?: string): ChildProfile {
  const health = needs.length === 0
    ? 'Healthy and meeting developmental milestones; immunisations are up to date.'
    : needs.map((n) => NEED_SENTENCES[n as Need]).join(' ');
  return {
    needs, healthSummary: health,
    birthFamilyBackground: background ?? rng.pick(BACKGROUNDS),
    contactPlan: rng.pick(CONTACT_PLANS),
  };
}

/** A birth-family background, to share among siblings. */
export function backgroundFor(rng: SeededRandom): string {
  return rng.pick(BACKGROUNDS);
}
