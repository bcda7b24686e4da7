// ESLint for the whole repository (`npm run lint`, and a step of `npm test`): @eslint/js and typescript-eslint's
// recommended rules with type information (the TypeScript program of tsconfig.json), eslint-plugin-astro's for the
// site's templates. Formatting is Prettier's, not ESLint's.
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    // Generated (committed, never hand-edited), as in .prettierignore.
    'cms/payload-types.ts',
    'cms/migrations/**',
    'cms/app/(payload)/**',
    'cms/next-env.d.ts',
    // Build output, test output and data.
    'dist/**',
    '.astro/**',
    'cms/.next/**',
    'test-results/**',
    'data/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // The code's convention: an argument or variable that must be there but is not used starts with `_`
      // (e.g. a hook's `_args`); a rest sibling drops a key from a copy (`const { id: _id, ...rest } = doc`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Promise.all over optional promises (`services.map((s) => s.restarting)`, a restart under way or none)
      // is deliberate: undefined resolves at once.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
      // An async function here mostly implements an interface that takes a promise (an e-mail adapter's sendEmail,
      // the test sequencer's sort, an injected sleep): `async` keeps a throw a rejection, with or without an await.
      '@typescript-eslint/require-await': 'off',
      // Astro's types are extended the way Astro documents it: `declare global { namespace App { interface Locals } }`.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // A narrowed `unknown` (`{}`, e.g. a route parameter or an id that is neither null nor an object) is stringified
      // on purpose, as typescript-eslint does not check `unknown` itself; the other ignored types are its defaults.
      '@typescript-eslint/no-base-to-string': [
        'error',
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] },
      ],
      // The input guards find control characters on purpose (the intake refuses them, cms/lib/malformedInput.ts).
      'no-control-regex': 'off',
    },
  },
  // vitest's asymmetric matchers (expect.stringContaining, expect.any) are typed `any` by design.
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // The configuration files in plain JavaScript are not part of the TypeScript program.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  // The site's templates: eslint-plugin-astro's rules; their frontmatter is checked by `astro check`, not typed here.
  {
    files: ['site/**/*.astro'],
    extends: [astro.configs['flat/recommended']],
  },
  {
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
