import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A child record is owned by a local authority, never by an RAA (an RAA is not a 903 authority): the write gate
 * (src/policy/write-policy.ts) refuses it, and the database holds it too, as a foreign key from (authority,
 * owner_kind) to the authority's (code, kind) with owner_kind fixed to LOCAL_AUTHORITY. The key also stops an LA
 * that owns children from being turned into an RAA.
 *
 * A database that already holds children owned by an RAA (stored before the gate existed) is not changed: the
 * migration stops and names them, since deciding which LA they belong to, or erasing them, is the operator's call.
 */
export class ChildOwnerIsLa1763808400000 implements MigrationInterface {
  name = 'ChildOwnerIsLa1763808400000';

  async up(q: QueryRunner): Promise<void> {
    const wrong: { authority: string; kind: string; children: string }[] = await q.query(`
      SELECT c.authority, a.kind, count(*)::text AS children FROM child c JOIN authority a ON a.code = c.authority
      WHERE a.kind <> 'LOCAL_AUTHORITY' GROUP BY c.authority, a.kind ORDER BY c.authority`);
    if (wrong.length > 0) {
      const list = wrong.map((w) => `${w.authority} (${w.kind}): ${w.children} children`).join('; ');
      throw new Error(`Child records are owned by authorities that are not local authorities: ${list}. `
        + 'A child belongs to an LA: import them under their LA, erase these (DELETE FROM child WHERE authority = '
        + '\'<code>\'), then start the hub again.');
    }
    await q.query(`ALTER TABLE authority ADD CONSTRAINT authority_code_kind_key UNIQUE (code, kind)`);
    await q.query(`ALTER TABLE child ADD COLUMN owner_kind text NOT NULL DEFAULT 'LOCAL_AUTHORITY'
      CONSTRAINT child_owner_kind_is_la CHECK (owner_kind = 'LOCAL_AUTHORITY')`);
    await q.query(`ALTER TABLE child ADD CONSTRAINT child_owner_is_la FOREIGN KEY (authority, owner_kind)
      REFERENCES authority (code, kind) ON UPDATE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE child DROP CONSTRAINT child_owner_is_la`);
    await q.query(`ALTER TABLE child DROP COLUMN owner_kind`);
    await q.query(`ALTER TABLE authority DROP CONSTRAINT authority_code_kind_key`);
  }
}
