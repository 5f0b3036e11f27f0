/** Détente's version: package.json's, written here by `npm run version` (a test checks they agree). */
export const VERSION = '0.2.0';
