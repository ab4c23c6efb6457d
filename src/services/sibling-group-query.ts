import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { PolicedRow, policeRow, rowScope, selectList } from '../policy/enforce';
import { SiblingGroupField, siblingGroupPolicy } from '../policy/sibling-group-policy';
import { SqlParams } from '../policy/sql-params';

const FIELDS: readonly SiblingGroupField[] = ['id', 'authority', 'sourceId', 'placeTogether'];

/** A sibling group as served. */
export type SiblingGroupRow = PolicedRow<Record<SiblingGroupField, unknown>>;

/** Sibling groups by id within the viewer's scope. One statement. */
export async function siblingGroupsByIds(sql: Sql, viewer: Viewer, ids: readonly string[]): Promise<SiblingGroupRow[]> {
  const p = new SqlParams();
  const text = `SELECT ${selectList(siblingGroupPolicy, viewer, p, 'g', FIELDS)} FROM sibling_group g
    WHERE g.id = ANY(${p.add(ids)}::uuid[]) AND ${rowScope(siblingGroupPolicy, viewer, p, 'g')}`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}
