// Pieces every family-finding view uses: the refusal message, a value that may have been refused, headings.
import { h } from '/shared/dom.js';
import { NOT_AVAILABLE, errorSentence, refusedAt } from './words.js';

/**
 * Shows why the hub gave no data (the first error, in a sentence) in place of the view, with a way on. Returns true
 * when it did, so a view can stop there.
 */
export function showRefusal(view, ctx, result, heading) {
  // A whole operation refused (or no answer at all); a null record without an error is "not found", for the view.
  const error = result.errors.find((e) => !e.path || e.path.length === 1) || (result.data ? null : result.errors[0]);
  if (result.data && !error) return false;
  const sentence = error ? errorSentence(error, ctx.me.roles) : 'Nothing to show.';
  const forbidden = error && error.extensions && error.extensions.code === 'FORBIDDEN';
  view.replaceChildren(
    h('h1', {}, heading),
    h('p', { class: 'refusal', role: 'alert', id: 'refusal' }, sentence),
    forbidden && ctx.me.roles.includes('la_analyst') ? h('p', {}, h('a', { href: '/dashboard' }, 'Open the dashboard')) : null,
  );
  ctx.announce(sentence);
  return true;
}

/** A value for display, or the "not available to your role" marker when the hub refused it at `path`. */
export function valueOr(errors, path, value, format = (v) => v) {
  if (refusedAt(errors, path)) return h('span', { class: 'not-available', 'data-refused': 'true' }, NOT_AVAILABLE);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return h('span', { class: 'none' }, 'Not recorded');
  return format(value);
}

/** A description list of [term, value] pairs. */
export function details(pairs, attrs = {}) {
  return h('dl', { class: 'details', ...attrs }, pairs.map(([term, value, key]) => h('div', { 'data-field': key }, h('dt', {}, term), h('dd', {}, value))));
}

/**
 * The addresses of the next, previous and first pages. The lists page only forward (keyset, `after`), so the
 * address keeps the `after` of every earlier page (`prev`, repeated, oldest first): Previous pops the last of them,
 * Next pushes this page's own. Being in the address, the way back survives a reload, a bookmark and the browser's
 * back button.
 */
export function pagingParams(params, endCursor, pageNo) {
  const earlier = params.getAll('prev');
  const withPages = (afters, after, page) => {
    const q = new URLSearchParams(params);
    q.delete('prev');
    q.delete('after');
    q.delete('page');
    if (page > 1) {
      afters.forEach((a) => q.append('prev', a));
      q.set('after', after);
      q.set('page', String(page));
    }
    return q;
  };
  return {
    next: withPages([...earlier, params.get('after') || ''], endCursor || '', pageNo + 1),
    previous: withPages(earlier.slice(0, -1), earlier[earlier.length - 1] || '', pageNo - 1),
    first: withPages([], '', 1),
  };
}
