// The children search as three things that must agree: the address (?minAge=2&needs=FASD...; bookmarkable, and the
// filter form submits with GET), the hub's ChildFilter, and a saved search's filter read back into the address.
import { NEEDS, STAGES, needName, stageName } from './words.js';

const intOrNull = (v) => (v === null || v === '' || v === undefined || Number.isNaN(Number(v)) ? null : Math.trunc(Number(v)));

/** The ChildFilter the address asks for (ages in whole years on the page, months in the hub). */
export function filterFromParams(params) {
  const f = {};
  const minAge = intOrNull(params.get('minAge'));
  const maxAge = intOrNull(params.get('maxAge'));
  if (minAge !== null) f.minAgeMonths = minAge * 12;
  if (maxAge !== null) f.maxAgeMonths = maxAge * 12 + 11;
  const needs = params.getAll('needs').filter((n) => NEEDS.includes(n));
  if (needs.length) f[params.get('needsMatch') === 'all' ? 'needs' : 'anyNeeds'] = needs;
  if (params.get('together') === 'yes') f.placeTogether = true;
  if (params.get('together') === 'no') f.placeTogether = false;
  const minSiblings = intOrNull(params.get('minSiblings'));
  if (minSiblings !== null) f.minSiblingGroupSize = minSiblings;
  const minDays = intOrNull(params.get('minDays'));
  if (minDays !== null) f.minDaysWaiting = minDays;
  const stages = params.getAll('stage').filter((s) => STAGES.includes(s));
  if (stages.length) f.stages = stages;
  const las = params.getAll('la').filter(Boolean);
  if (las.length) f.authority = las;
  return f;
}

/** The address parameters for a (saved) ChildFilter; the inverse of filterFromParams. */
export function paramsFromFilter(f) {
  const p = new URLSearchParams();
  if (f.minAgeMonths !== null && f.minAgeMonths !== undefined) p.set('minAge', String(Math.floor(f.minAgeMonths / 12)));
  if (f.maxAgeMonths !== null && f.maxAgeMonths !== undefined) p.set('maxAge', String(Math.floor(f.maxAgeMonths / 12)));
  const needs = f.needs && f.needs.length ? f.needs : f.anyNeeds || [];
  for (const n of needs) p.append('needs', n);
  if (f.needs && f.needs.length) p.set('needsMatch', 'all');
  if (f.placeTogether === true) p.set('together', 'yes');
  if (f.placeTogether === false) p.set('together', 'no');
  if (f.minSiblingGroupSize !== null && f.minSiblingGroupSize !== undefined) p.set('minSiblings', String(f.minSiblingGroupSize));
  if (f.minDaysWaiting !== null && f.minDaysWaiting !== undefined) p.set('minDays', String(f.minDaysWaiting));
  for (const s of f.stages || []) p.append('stage', s);
  for (const a of f.authority || []) p.append('la', a);
  return p;
}

/** The search in words, e.g. "aged 2 to 5 years; needs: FASD; at Family finding; waiting at least 300 days". */
export function describeFilter(f, nameOf = (c) => c) {
  const parts = [];
  const min = f.minAgeMonths;
  const max = f.maxAgeMonths;
  if (min !== null && min !== undefined && max !== null && max !== undefined) parts.push(`aged ${Math.floor(min / 12)} to ${Math.floor(max / 12)} years`);
  else if (min !== null && min !== undefined) parts.push(`aged ${Math.floor(min / 12)} years or more`);
  else if (max !== null && max !== undefined) parts.push(`aged up to ${Math.floor(max / 12)} years`);
  if (f.needs && f.needs.length) parts.push(`with all of: ${f.needs.map(needName).join(', ')}`);
  if (f.anyNeeds && f.anyNeeds.length) parts.push(`with any of: ${f.anyNeeds.map(needName).join(', ')}`);
  if (f.placeTogether === true) parts.push('in a sibling group to be placed together');
  if (f.placeTogether === false) parts.push('not in a sibling group to be placed together');
  if (f.minSiblingGroupSize) parts.push(`in a sibling group of at least ${f.minSiblingGroupSize}`);
  if (f.minDaysWaiting) parts.push(`waiting at least ${f.minDaysWaiting} days`);
  if (f.stages && f.stages.length) parts.push(`at ${f.stages.map(stageName).join(' or ')}`);
  if (f.authority && f.authority.length) parts.push(`from ${f.authority.map(nameOf).join(' or ')}`);
  return parts.length ? parts.join('; ') : 'every child you may see';
}
