import tseslint from 'typescript-eslint';

const noShell = [
  { name: 'child_process', importNames: ['exec', 'execSync'], message: 'Spawn with an argument array (spawn/execFile), never a shell string.' },
  { name: 'node:child_process', importNames: ['exec', 'execSync'], message: 'Spawn with an argument array (spawn/execFile), never a shell string.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.tools/**', '.demo/**', 'node_modules/**', 'test-results/**', '.bench-data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Child processes take argument arrays; no shell strings anywhere.
      'no-restricted-imports': ['error', { paths: noShell }],
      'no-restricted-syntax': ['error', { selector: "Property[key.name='shell'][value.value=true]", message: 'Never spawn through a shell.' }],
    },
  },
  {
    // Plain CommonJS scripts (the test runner is started with node directly).
    files: ['scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain and media layers never depend on the editor: the extension and the CLI are thin shells over them.
    files: ['src/domain/**/*.ts', 'src/media/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/domain and src/media must not import vscode.' }, ...noShell] }],
    },
  },
);
