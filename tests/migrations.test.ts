import { createTestDatabase, TestDatabase } from './support/test-database';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.close(); });

  it('leave the entities and the tables in agreement (nothing for TypeORM to synchronise)', async () => {
    const sqlInMemory = await t.dataSource.driver.createSchemaBuilder().log();
    const tableChanges = sqlInMemory.upQueries
      .map((q) => q.query)
      .filter((q) => !/INDEX|CONSTRAINT|COMMENT|DEFAULT/i.test(q));
    expect(tableChanges).toEqual([]);
  });

  it('make the access log append-only in the database itself', async () => {
    await t.db.query(`INSERT INTO access_log (request_id, viewer_sub, viewer_org, viewer_roles, cross_organisation)
      VALUES ('r1', 'u1', 'ALE', '{family_finder}', true)`);
    await expect(t.db.query(`UPDATE access_log SET viewer_sub = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE access_read`)).rejects.toThrow(/append-only/); // the table behind the access_log view
    expect(await t.db.query(`SELECT viewer_sub FROM access_log`)).toEqual([{ viewer_sub: 'u1' }]);
  });
});
