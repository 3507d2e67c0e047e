/*
 * ESLint (flat config) for `npm run lint` / `npm run lint:fix`.
 *
 * office-addin-lint uses this file when it exists (otherwise its own default) and lints
 * src/**\/*.{ts,tsx,js,jsx} unless given --files. The base is eslint-plugin-office-addins'
 * "react" config: eslint:recommended, prettier (office-addin-prettier-config, see package.json),
 * the Office rules (load before read, sync after load, no context.sync() in loops, ...) and
 * eslint-plugin-react.
 *
 * typescript-eslint and eslint-plugin-react are the versions office-addin-lint and
 * eslint-plugin-office-addins themselves depend on (installed with them).
 */
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";

// The office-addins block that carries the parser, plugins and Office rules. Upstream it only
// matches *.{js,mjs,cjs,ts,cts,mts}; the task pane is .tsx, so it is applied to .tsx/.jsx too.
const officeRules = officeAddins.configs.recommended.find((config) => config.files && config.rules);

export default [
  {
    ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"],
  },
  ...officeAddins.configs.react,
  {
    ...officeRules,
    files: ["**/*.tsx", "**/*.jsx"],
  },
  // tsconfig.json compiles JSX with "react-jsx": no `import React` needed for JSX.
  react.configs.flat["jsx-runtime"],
  // typescript-eslint's adjustment of eslint:recommended for TypeScript: turns off the core
  // rules TypeScript already enforces and gets wrong on TS (no-undef: TS resolves DOM, Node,
  // Office, Excel and CustomFunctions from the tsconfig types; no-redeclare: a zod schema and
  // its inferred type legitimately share a name).
  tseslint.configs.eslintRecommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
    },
    rules: {
      // Props are typed by TypeScript interfaces.
      "react/prop-types": "off",
      // Same severity as office-addins; a leading underscore marks a deliberately unused name,
      // and `const { dropped, ...rest } = x` is the idiom for leaving a property out.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
];
