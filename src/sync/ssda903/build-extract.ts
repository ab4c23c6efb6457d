// Turns the raw rows of one return (from CSVs or XML) into the normalised extract: each stored table validated row
// by row, duplicates rejected, cross-file mismatches warned about (the child is kept), other tables checked lightly.
import { inferCollectionYear } from './collection-year';
import type { ExtractChild, ExtractCounts, ExtractEpisode, ImportIssue, RawRow, Ssda903Extract } from './extract';
import { validateOtherRow } from './other-table-validation';
import { validateAd1, validateEpisode, validateHeader, validatePlacedAdoption } from './record-validation';
import { ADOPTION_ENDINGS } from './code-lists';
import { yearChecks, type ChildRows } from './year-checks';

interface Draft {
  child: ExtractChild;
  hasHeader: boolean;
  firstRow: RawRow;
  ad1Row?: RawRow;
  placedRows: RawRow[];
  /** The raw row of each kept episode, so a year check can take one out again. */
  episodeRows: Map<ExtractEpisode, RawRow>;
}

/** Options: the collection year when the caller knows it better than the dates do, or the file states one. */
export interface BuildOptions {
  collectionYear?: number;
  /** The year the file's own header states (DfE XML collection fields); the caller's `collectionYear` wins. */
  declaredYear?: number | null;
}

/**
 * Builds the extract from raw rows, given with any issues found while reading the files (unrecognised files...).
 * The collection year is the caller's, else the file's own, else the one most of the return's dates fall in; the
 * checks that need it run once it is known.
 */
export function buildExtract(rows: readonly RawRow[], readIssues: ImportIssue[] = [], options: BuildOptions = {}): Ssda903Extract {
  const state = new ExtractState();
  state.warnings.push(...readIssues);
  for (const raw of rows) state.add(raw);
  let children = state.finish();
  const inferred = inferCollectionYear(children);
  const collectionYear = options.collectionYear ?? options.declaredYear ?? inferred;
  if (options.collectionYear === undefined && options.declaredYear && inferred && inferred !== options.declaredYear) {
    state.warnings.push({ file: rows[0]?.file ?? '', row: 0, column: null,
      reason: `the file states the collection year ending 31 March ${options.declaredYear}, but most of its dates fall in the year ending ${inferred}; ${options.declaredYear} is used` });
  }
  if (collectionYear !== null) children = state.applyYearChecks(collectionYear);
  return { collectionYear, children, rejections: state.rejections, warnings: state.warnings, counts: state.counts };
}

class ExtractState {
  readonly drafts = new Map<string, Draft>();
  readonly rejections: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly counts: ExtractCounts = {
    childrenRead: 0, childrenRejected: 0, episodesRead: 0, episodesRejected: 0, otherRowsRead: 0, otherRowsRejected: 0,
  };
  private readonly seenDecoms = new Set<string>();
  /** Every raw row of the tables the year checks read, valid or not, by child. */
  private readonly rowsByChild = new Map<string, ChildRows>();
  /** Rows already rejected, so a year check does not reject them twice. */
  private readonly rejectedRows = new Set<RawRow>();
  private finished: ExtractChild[] = [];

  add(raw: RawRow): void {
    this.keepForYearChecks(raw);
    switch (raw.table) {
      case 'Header': return this.addHeader(raw);
      case 'Episodes': return this.addEpisode(raw);
      case 'AD1': return this.addAd1(raw);
      case 'PlacedAdoption': return this.addPlaced(raw);
      default: return this.addOther(raw);
    }
  }

  private addHeader(raw: RawRow): void {
    this.counts.childrenRead += 1;
    const v = validateHeader(raw);
    const draft = v.value ? this.draft(v.childId, raw) : undefined;
    if (draft?.hasHeader) this.reject(raw, 'CHILD', `CHILD ${v.childId} already has a Header row (row ${draft.firstRow.row})`, v.childId);
    // A rejected row's warnings are reported too: the LA sees everything wrong with it at once.
    this.warnings.push(...v.warnings);
    if (!draft || draft.hasHeader) {
      this.rejections.push(...v.issues);
      this.counts.childrenRejected += 1;
      return;
    }
    Object.assign(draft.child, v.value);
    draft.hasHeader = true;
    draft.firstRow = raw;
  }

  private addEpisode(raw: RawRow): void {
    this.counts.episodesRead += 1;
    const v = validateEpisode(raw);
    const key = v.value ? `${v.childId}\u0000${v.value.decom}` : '';
    if (v.value && this.seenDecoms.has(key)) {
      this.reject(raw, 'DECOM', `CHILD ${v.childId} already has an episode starting ${v.value.decom}`, v.childId);
    }
    this.warnings.push(...v.warnings);
    if (!v.value || this.seenDecoms.has(key)) {
      this.rejections.push(...v.issues);
      this.counts.episodesRejected += 1;
      this.rejectedRows.add(raw);
      return;
    }
    this.seenDecoms.add(key);
    const d = this.draft(v.childId, raw);
    d.child.episodes.push(v.value);
    d.episodeRows.set(v.value, raw);
  }

  private addAd1(raw: RawRow): void {
    this.counts.otherRowsRead += 1;
    const v = validateAd1(raw);
    const existing = v.value ? this.drafts.get(v.childId)?.ad1Row : undefined;
    if (existing) this.reject(raw, 'CHILD', `CHILD ${v.childId} already has an AD1 row (row ${existing.row})`, v.childId);
    if (!v.value || existing) { this.rejectOther(v.issues); return; }
    this.warnings.push(...v.warnings);
    const d = this.draft(v.childId, raw);
    d.child.ad1 = v.value;
    d.ad1Row = raw;
  }

  private addPlaced(raw: RawRow): void {
    this.counts.otherRowsRead += 1;
    const v = validatePlacedAdoption(raw);
    const list = v.value ? this.drafts.get(v.childId)?.child.placedAdoption ?? [] : [];
    const dup = v.value && list.some((p) => p.datePlaced === v.value!.datePlaced);
    if (dup) this.reject(raw, 'DATE_PLACED', `CHILD ${v.childId} already has a decision dated ${v.value!.datePlaced}`, v.childId);
    if (!v.value || dup) { this.rejectOther(v.issues); return; }
    this.warnings.push(...v.warnings);
    const d = this.draft(v.childId, raw);
    (d.child.placedAdoption ??= []).push(v.value);
    d.placedRows.push(raw);
  }

  private addOther(raw: RawRow): void {
    this.counts.otherRowsRead += 1;
    const issues = validateOtherRow(raw);
    if (issues.length > 0) {
      this.rejectOther(issues);
      this.rejectedRows.add(raw);
    }
  }

  private keepForYearChecks(raw: RawRow): void {
    const kind = ({ Header: 'header', Episodes: 'episodes', OC3: 'oc3', PlacedAdoption: 'placed' } as const)[raw.table as string];
    if (!kind) return;
    const id = (raw.values.CHILD ?? '').trim();
    let rows = this.rowsByChild.get(id);
    if (!rows) {
      rows = { header: [], episodes: [], oc3: [], placed: [] };
      this.rowsByChild.set(id, rows);
    }
    rows[kind].push(raw);
  }

  /** Runs the checks that need the collection year; takes out the episodes they reject. Returns the children. */
  applyYearChecks(year: number): ExtractChild[] {
    const found = yearChecks(this.rowsByChild.values(), year, this.rejectedRows);
    this.rejections.push(...found.rejections);
    this.warnings.push(...found.warnings);
    for (const row of found.rejectedRows) {
      if (row.table !== 'Episodes') { this.counts.otherRowsRejected += 1; continue; }
      this.counts.episodesRejected += 1;
      const d = this.drafts.get((row.values.CHILD ?? '').trim());
      const episode = d && [...d.episodeRows].find(([, r]) => r === row)?.[0];
      if (d && episode) d.child.episodes = d.child.episodes.filter((e) => e !== episode);
    }
    // A child whose only rows were refused here has nothing left to store.
    this.finished = this.finished.filter((c) => c.sex !== null || c.episodes.length > 0 || c.ad1 || (c.placedAdoption?.length ?? 0) > 0);
    return this.finished;
  }

  private draft(childId: string, raw: RawRow): Draft {
    let d = this.drafts.get(childId);
    if (!d) {
      const child: ExtractChild = { sourceId: childId, sex: null, dateOfBirth: null, ethnicity: null, upn: null, episodes: [] };
      d = { child, hasHeader: false, firstRow: raw, placedRows: [], episodeRows: new Map() };
      this.drafts.set(childId, d);
    }
    return d;
  }

  private reject(raw: RawRow, column: string, reason: string, childId: string): void {
    this.rejections.push({ file: raw.file, table: raw.table, row: raw.row, column, reason, childId });
  }

  private rejectOther(issues: ImportIssue[]): void {
    this.rejections.push(...issues);
    this.counts.otherRowsRejected += 1;
  }

  /** Sorts each child's episodes and warns about rows that do not fit the rest of the return. */
  finish(): ExtractChild[] {
    const out: ExtractChild[] = [];
    for (const d of this.drafts.values()) {
      const c = d.child;
      c.episodes.sort((a, b) => (a.decom < b.decom ? -1 : 1));
      c.placedAdoption?.sort((a, b) => (a.datePlaced < b.datePlaced ? -1 : 1));
      if (!d.hasHeader) {
        const what = c.episodes.length > 0 ? 'episodes' : 'adoption rows';
        this.warn(d.firstRow, `CHILD ${c.sourceId} has ${what} but no valid Header row; kept without header fields`, c.sourceId);
      }
      if (d.ad1Row && !c.episodes.some((e) => e.rec && ADOPTION_ENDINGS.has(e.rec))) {
        this.warn(d.ad1Row, `AD1 row for CHILD ${c.sourceId}, who has no episode ending in adoption (E11/E12) in this return`, c.sourceId);
      }
      if (!d.hasHeader && c.episodes.length === 0) {
        for (const r of d.placedRows) this.warn(r, `PlacedAdoption row for CHILD ${c.sourceId}, unknown in Header and Episodes`, c.sourceId);
      }
      out.push(c);
    }
    this.finished = out;
    return out;
  }

  private warn(raw: RawRow, reason: string, childId: string): void {
    this.warnings.push({ file: raw.file, table: raw.table, row: raw.row, column: 'CHILD', reason, childId });
  }
}
