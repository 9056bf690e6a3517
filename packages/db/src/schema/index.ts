export * from './audit.ts';
export * from './identity.ts';
export * from './organisations.ts';
export * from './capacity.ts';
