// Lint rules. The import bans keep the layers honest: only the Electron shell and the preload may touch Electron,
// and the renderer reaches the core only through the contract.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronBan = {
  paths: [
    { name: 'electron', message: 'Electron is imported only in src-main/electron and src-main/preload.' }
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'tests/.tmp/**',
      'coverage/**',
      '.native/**',
      'bench/.data/**',
      '.scratch/**',
      'data/**',
      'server-data/**',
      'test-results/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off'
    }
  },
  {
    files: ['src-main/**/*.ts', 'src-server/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**', 'tests/unit/electron/**'],
    rules: { 'no-restricted-imports': ['error', electronBan] }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronBan,
          patterns: [
            {
              group: ['**/src-main/core/**', '**/core/*'],
              message: 'The renderer talks to the core through the contract.'
            },
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' }
          ]
        }
      ]
    }
  },
  prettier
)
