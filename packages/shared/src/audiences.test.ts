import { audienceAdmits, editBeyondView, editWithinView, fieldAccess, type Audience } from './audiences';

const everyone: Audience = { allAgents: true, teamIds: [] };
const teams = (...teamIds: string[]): Audience => ({ allAgents: false, teamIds });
const agent = (...teamIds: string[]) => ({ role: 'AGENT' as const, teamIds });

describe('field audiences', () => {
  it('admits every agent, or members of a listed team, never an anonymous caller', () => {
    expect(audienceAdmits(everyone, agent())).toBe(true);
    expect(audienceAdmits(teams('a', 'b'), agent('b'))).toBe(true);
    expect(audienceAdmits(teams('a'), agent('b'))).toBe(false);
    expect(audienceAdmits(teams(), agent('a'))).toBe(false);
    expect(audienceAdmits(everyone, null)).toBe(false);
  });

  it('lets admins view and edit every field, and nobody edit what they cannot view', () => {
    const adminsOnly = { view: teams(), edit: teams() };
    expect(fieldAccess(adminsOnly, { role: 'ADMIN', teamIds: [] })).toEqual({ view: true, edit: true });
    expect(fieldAccess(adminsOnly, agent('a'))).toEqual({ view: false, edit: false });
    expect(fieldAccess({ view: teams('a'), edit: teams('b') }, agent('b'))).toEqual({ view: false, edit: false });
    expect(fieldAccess({ view: everyone, edit: teams('b') }, agent('a'))).toEqual({ view: true, edit: false });
    expect(fieldAccess({ view: everyone, edit: teams('b') }, agent('b'))).toEqual({ view: true, edit: true });
    expect(fieldAccess({ view: everyone, edit: everyone }, null)).toEqual({ view: false, edit: false });
  });

  it('finds an edit audience wider than its view audience', () => {
    expect(editBeyondView(everyone, everyone)).toBeNull();
    expect(editBeyondView(everyone, teams('x'))).toBeNull();
    expect(editBeyondView(teams('a'), everyone)).toEqual({ allAgents: true });
    expect(editBeyondView(teams('a'), teams('a', 'b'))).toEqual({ teamId: 'b' });
    expect(editBeyondView(teams('a', 'b'), teams('b'))).toBeNull();
  });

  it('narrows an edit audience into its view audience, which is then never refused', () => {
    expect(editWithinView(everyone, everyone)).toEqual(everyone);
    expect(editWithinView(teams('a'), everyone)).toEqual(teams());
    expect(editWithinView(teams('a', 'c'), teams('a', 'b', 'c'))).toEqual(teams('a', 'c'));
    const ids = ['a', 'b', 'c'];
    for (let v = 0; v < 16; v += 1) {
      for (let e = 0; e < 16; e += 1) {
        const view: Audience = { allAgents: (v & 8) !== 0, teamIds: ids.filter((_, i) => v & (1 << i)) };
        const edit: Audience = { allAgents: (e & 8) !== 0, teamIds: ids.filter((_, i) => e & (1 << i)) };
        expect(editBeyondView(view, editWithinView(view, edit))).toBeNull();
      }
    }
  });
});
