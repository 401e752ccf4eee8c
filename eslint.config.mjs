// ESLint flat config. Type-aware rules (no-floating-promises) need the TypeScript program, so
// `parserOptions.projectService` points the parser at tsconfig.json.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'e2e-out/**',
      'harness/**',
      '**/*.js',
      '**/*.mjs',
      'test/e2e/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // VS Code's API returns Thenables, which the rule ignores unless told to check them.
      '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
    },
  },
  {
    // The folder rule of src/ (eslint/layers.mjs): which folder may import which, and where
    // `vscode` may not be imported.
    files: ['src/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    // The log panel renders data from other tenants: text only, never markup (DESIGN.md, safety).
    files: ['src/webview-ui/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'write', 'writeln', 'srcdoc'].map(
          (property) => ({
            property,
            message:
              'Render log data with textContent and createElement: it comes from another tenant.',
          }),
        ),
      ],
      'no-restricted-globals': [
        'error',
        { name: 'eval', message: 'No code from strings in the webview.' },
      ],
      'no-implied-eval': 'error',
    },
  },
  {
    // Tests use chai-less node:assert and mocha globals; relax the rules that fight test idioms.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
