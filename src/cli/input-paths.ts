import { promises as fs } from 'fs';
import type { Ssda903Extract } from '../sync/ssda903/extract';
import { UsageError } from './cli-command';

/** A sentence for a path the command cannot read: what is wrong with it, never a raw ENOENT. */
export function pathProblem(target: string, err: unknown): UsageError {
  const code = (err as { code?: string }).code;
  const why: Record<string, string> = {
    ENOENT: `there is no file or folder at ${target}`,
    ENOTDIR: `part of ${target} is a file, not a folder`,
    EACCES: `${target} cannot be read by this user (permission denied)`,
    EPERM: `${target} cannot be read by this user (permission denied)`,
    EISDIR: `${target} is a folder; give a file`,
  };
  return new UsageError(why[code ?? ''] ?? `${target} cannot be read (${err instanceof Error ? err.message : String(err)})`);
}

/** Checks that `target` exists and is readable, before anything is sent; a UsageError if not. */
export async function checkReadable(target: string, kind: 'file' | 'file or folder'): Promise<void> {
  try {
    const stat = await fs.stat(target);
    if (kind === 'file' && stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    await fs.access(target, fs.constants.R_OK);
  } catch (err) {
    throw pathProblem(target, err);
  }
}

/**
 * A return with no header or episode rows is a mistake in the path (an empty folder, a folder of other CSVs, the
 * parent folder of the returns): a UsageError naming what was found instead, so nothing is sent and the run exits 2.
 */
export function checkHolds903Data(target: string, extract: Ssda903Extract): void {
  if (extract.counts.childrenRead > 0 || extract.counts.episodesRead > 0) return;
  const seen = extract.warnings.concat(extract.rejections).filter((i) => i.row <= 1).slice(0, 5)
    .map((i) => `${i.file}: ${i.reason}`);
  throw new UsageError(`${target} holds no 903 files (no CSV whose columns are a 903 header or episodes table, and no 903 XML)`
    + `${seen.length ? `; found:\n  ${seen.join('\n  ')}` : ''}`);
}
