import { PERMISSIONS, permissionsOf, roleCovers, roleGrants } from './roles';

describe('roles and permission keys', () => {
  it('gives admins every permission and agents only the workspace', () => {
    expect(permissionsOf('ADMIN')).toEqual(Object.values(PERMISSIONS));
    expect(permissionsOf('AGENT')).toEqual(['WORKSPACE']);
    expect(roleGrants('AGENT', 'MANAGE_AGENTS')).toBe(false);
  });

  it('lets a role hand out only what it holds', () => {
    expect(roleCovers('ADMIN', 'AGENT')).toBe(true);
    expect(roleCovers('ADMIN', 'ADMIN')).toBe(true);
    expect(roleCovers('AGENT', 'AGENT')).toBe(true);
    expect(roleCovers('AGENT', 'ADMIN')).toBe(false);
  });
});
