// Where a NUL character hides in a request. PostgreSQL text cannot hold one (the statement fails, and the client
// would see an internal error), and no field of the hub means one, so every edge refuses it up front.

/** The path of the first string holding U+0000 inside `value` (a parsed JSON body or GraphQL variables), or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(the value)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return `${path}${Array.isArray(value) ? `[${k}]` : `.${k}`} (its key)`;
    const found = nulPath(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (found) return found;
  }
  return null;
}
