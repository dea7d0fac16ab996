import { registerEnumType } from 'type-graphql';
import type { DetailFieldScope as SharedScope, DetailFieldType as SharedType } from '@cp/shared';

export enum DetailFieldType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  SELECT = 'SELECT',
  MULTI_SELECT = 'MULTI_SELECT',
  EMAIL = 'EMAIL',
  URL = 'URL',
  PHONE = 'PHONE',
  BOOLEAN = 'BOOLEAN',
  USER = 'USER',
}
registerEnumType(DetailFieldType, { name: 'DetailFieldType', description: 'USER holds an agent.' });

export enum DetailFieldScope {
  CUSTOMER = 'CUSTOMER',
  ORGANIZATION = 'ORGANIZATION',
  ENTITLEMENT = 'ENTITLEMENT',
}
registerEnumType(DetailFieldScope, { name: 'DetailFieldScope' });

// Fail to compile if the shared lists and these enums drift apart.
const typeCheck: Record<SharedType, DetailFieldType> = DetailFieldType;
const scopeCheck: Record<SharedScope, DetailFieldScope> = DetailFieldScope;
void typeCheck;
void scopeCheck;
