// Small helpers to build the pages' DOM without innerHTML (every value from the hub is set as text).

/** An element: h('a', { href: '/x', class: 'y' }, 'text', child, ...). Attributes false/null/undefined are left out. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * A table with a caption and header cells scoped to their columns; `rows` are arrays of cells (a string, a Node, or
 * `{ th: content }` for a row header scoped to its row).
 */
export function table({ caption, columns, rows, id, className }) {
  return h('table', { id, class: className },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => (cell && typeof cell === 'object' && 'th' in cell
      ? h('th', { scope: 'row' }, cell.th)
      : h('td', {}, cell)))))));
}
