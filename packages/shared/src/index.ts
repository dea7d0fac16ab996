export * from './roles';
export * from './error-codes';
export * from './problems';
export * from './identifiers';
export * from './passwords';
export * from './notes';
export * from './detail-fields';
export * from './audiences';
