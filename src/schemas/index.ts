export * from './email.js';
export * from './user.js';
export * from './contacts.js';
export * from './catalog.js';
export * from './billing.js';
export * from './card.js';
export * from './problem.js';
export * from './issues.js';
