// Flat ESLint config: @eslint/js and typescript-eslint recommended rules. Syntax-only (no type
// information), so `npx eslint .` takes a few seconds on 2 cores.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// `_`-prefixed arguments, variables and caught errors are deliberately unused.
const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }]

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'node_modules/', 'build/']),
  {
    files: ['src/**/*.ts', '__tests__/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': unusedVars }
  },
  {
    // Scripts, the local emulator and the root config files are plain ESM run by node.
    files: ['scripts/**/*.js', 'emulator/**/*.js', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-unused-vars': unusedVars }
  }
])
