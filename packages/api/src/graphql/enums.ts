import { registerEnumType } from 'type-graphql';
import type { Role as SharedRole } from '@cp/shared';

/** The shared Role union as a TS enum, which TypeGraphQL needs to emit `enum Role`. */
export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
}
registerEnumType(Role, { name: 'Role' });

// Fails to compile if the shared list and this enum ever drift apart.
const roleCheck: Record<SharedRole, Role> = { ADMIN: Role.ADMIN, AGENT: Role.AGENT };
void roleCheck;
