// Flat ESLint config: @eslint/js and typescript-eslint recommended rules. Syntax-only (no type
// information), so `npx eslint .` takes a few seconds on 2 cores.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// `_`-prefixed arguments, variables and caught errors are deliberately unused.
const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }]

// A file URL's pathname keeps percent-escapes (a space is %20) and gives /C:/... on Windows, so a checkout
// whose path has a space, or any Windows checkout, breaks. fileURLToPath and pathToFileURL convert both ways.
const filePaths = [
  'error',
  {
    selector:
      "MemberExpression[property.name='pathname'][object.type='NewExpression'][object.callee.name='URL']:has(MetaProperty)",
    message: "Use fileURLToPath(new URL(..., import.meta.url)): a file URL's pathname is not a path on every OS."
  },
  {
    selector: 'TemplateLiteral > TemplateElement:first-child[value.raw=/^file:\\/\\//]',
    message: 'Use pathToFileURL(path) or fileURLToPath(url): a path pasted after file:// is not a file URL on every OS.'
  }
]

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'node_modules/', 'build/']),
  {
    files: ['src/**/*.ts', '__tests__/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': unusedVars, 'no-restricted-syntax': filePaths }
  },
  {
    // Scripts, the local emulator and the root config files are plain ESM run by node.
    files: ['scripts/**/*.js', 'emulator/**/*.js', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-unused-vars': unusedVars, 'no-restricted-syntax': filePaths }
  }
])
