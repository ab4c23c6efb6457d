// In production an unknown field, argument, type or enum value is BAD_USER_INPUT without "Did you mean ...?": the
// suggestions would list the schema that production's closed introspection hides. Outside production they help.
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

const MISTAKES = [
  '{ children { edges { node { firstNam } } } }',
  '{ children(firs: 2) { totalCount } }',
  '{ children(filter: { stages: [FAMILY_FINDIN] }) { totalCount } }',
  'query Q($f: ChildFiltr) { children(filter: $f) { totalCount } }',
  '{ adopterHousehold(id: "00000000-0000-0000-0000-000000000000") { adress } }',
];

async function messages(h: TestHub): Promise<{ codes: string[]; text: string }> {
  const codes: string[] = [];
  let text = '';
  for (const q of MISTAKES) {
    const res = await h.gql(h.token('family_finder', 'ALE'), q);
    codes.push(...(res.body.errors ?? []).map((e: any) => e.extensions?.code));
    text += JSON.stringify(res.body);
  }
  return { codes, text };
}

describe('unknown names in a query', () => {
  it('are BAD_USER_INPUT with no "Did you mean" in production', async () => {
    const prod = await startTestHub({ production: true });
    try {
      await seedAuthorities(prod.t.db);
      const { codes, text } = await messages(prod);
      expect(codes.length).toBeGreaterThanOrEqual(MISTAKES.length);
      expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
      expect(text).not.toMatch(/Did you mean|firstName|FAMILY_FINDING|ChildFilter"|address/);
    } finally {
      await prod.close();
    }
  });

  it('come with suggestions outside production (so the check above can tell)', async () => {
    const dev = await startTestHub();
    try {
      await seedAuthorities(dev.t.db);
      expect((await messages(dev)).text).toMatch(/Did you mean/);
    } finally {
      await dev.close();
    }
  });
});
