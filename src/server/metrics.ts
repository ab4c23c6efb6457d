/** A few Prometheus counters kept in memory; enough for an operator's dashboard without another dependency. */
export class HubMetrics {
  private readonly counters = new Map<string, number>();
  private readonly started = Date.now();

  /** Adds `by` to the counter `name` with `labels`. */
  inc(name: string, labels: Record<string, string> = {}, by = 1): void {
    const key = `${name}${formatLabels(labels)}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  /** The Prometheus text exposition of every counter. */
  render(): string {
    const lines = [
      '# HELP hub_uptime_seconds Seconds since the hub started',
      '# TYPE hub_uptime_seconds gauge',
      `hub_uptime_seconds ${((Date.now() - this.started) / 1000).toFixed(0)}`,
    ];
    const names = new Set([...this.counters.keys()].map((k) => k.split('{')[0]));
    for (const name of [...names].sort()) {
      lines.push(`# TYPE ${name} counter`);
      for (const [k, v] of [...this.counters.entries()].sort()) if (k.split('{')[0] === name) lines.push(`${k} ${v}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

function formatLabels(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}
