// ESLint for the browser modules in ../wwwroot-assets/js (run from the repository root:
// `npm --prefix CommandCenter run lint`, which test.sh does). The tools live here because the
// build's `npm ci` installs this folder's packages.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['wwwroot-assets/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ol: 'readonly', signalR: 'readonly' },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['wwwroot-assets/js/test/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
];
