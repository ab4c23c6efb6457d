// The report of a `hub import 903` run: what was read, stored and refused, for a person or (with --json) a script.
import type { ImportIssue, Ssda903Extract } from '../sync/ssda903/extract';
import type { RecordRejection } from '../sync/ssda903/extract-validation';

/** Everything a run did: the file-level reading and the hub's answer to each batch. */
export interface ImportReport {
  authority: string;
  collectionYear: number | null;
  children: { read: number; sent: number; accepted: number; rejected: number; changed: number };
  episodes: { read: number; accepted: number; rejected: number };
  otherRows: { read: number; rejected: number };
  rejections: (ImportIssue | (RecordRejection & { file: 'hub' }))[];
  warnings: ImportIssue[];
}

/** Starts a report from the extract read on this machine. */
export function reportFromExtract(authority: string, x: Ssda903Extract): ImportReport {
  return {
    authority,
    collectionYear: x.collectionYear,
    children: { read: x.counts.childrenRead, sent: x.children.length, accepted: 0, rejected: x.counts.childrenRejected, changed: 0 },
    episodes: { read: x.counts.episodesRead, accepted: 0, rejected: x.counts.episodesRejected },
    otherRows: { read: x.counts.otherRowsRead, rejected: x.counts.otherRowsRejected },
    rejections: [...x.rejections],
    warnings: x.warnings,
  };
}

/** True when anything at all was refused (the run then exits non-zero). */
export function anythingRejected(r: ImportReport): boolean {
  return r.rejections.length > 0;
}

const LIST_LIMIT = 50;

/** The report as text for a person: counts, then each rejection (up to 50) and a summary of warnings. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `SSDA903 import for ${r.authority}, collection year ending 31 March ${r.collectionYear ?? '?'}`,
    `  children: ${r.children.read} header rows read, ${r.children.accepted} children stored (${r.children.changed} changed), ${r.children.rejected} rejected`,
    `  episodes: ${r.episodes.read} read, ${r.episodes.accepted} stored, ${r.episodes.rejected} rejected`,
    `  other rows (AD1, PlacedAdoption, reviews, ...): ${r.otherRows.read} read, ${r.otherRows.rejected} rejected`,
    `  warnings: ${r.warnings.length}`,
  ];
  if (r.rejections.length > 0) {
    lines.push(`Rejected (${r.rejections.length}):`);
    for (const i of r.rejections.slice(0, LIST_LIMIT)) lines.push(`  ${describe(i)}`);
    if (r.rejections.length > LIST_LIMIT) lines.push(`  ... and ${r.rejections.length - LIST_LIMIT} more (use --json for all)`);
  }
  const kinds = new Map<string, number>();
  for (const w of r.warnings) {
    const key = `${w.file}: ${w.reason.replace(/"[^"]*"/g, '"…"').replace(/CHILD \S+/g, 'CHILD …')}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  if (kinds.size > 0) lines.push('Warnings (kinds):');
  for (const [k, n] of [...kinds].slice(0, 20)) lines.push(`  ${n} × ${k}`);
  return `${lines.join('\n')}\n`;
}

function describe(i: ImportReport['rejections'][number]): string {
  if ('index' in i) return `hub refused child ${i.sourceId ?? '?'} (batch record ${i.index}): ${i.reason}`;
  return `${i.file} row ${i.row}${i.column ? ` column ${i.column}` : ''}: ${i.reason}`;
}
