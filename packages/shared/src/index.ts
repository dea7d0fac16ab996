export * from './roles';
export * from './error-codes';
export * from './identifiers';
export * from './passwords';
export * from './detail-fields';
