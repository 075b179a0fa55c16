// Lint rules for the TypeScript sources, tests and scripts (formatting is Prettier's job).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist-dev/", "coverage/", "release/", "bench/out/", "node_modules/", "examples/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  // The browser app's own script runs in the page, not in Node.
  { files: ["src/app/assets/**/*.js"], languageOptions: { globals: { ...globals.browser } } },
  // Tests match YAML text, where runs of spaces are the indentation being tested.
  { files: ["tests/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off", "no-regex-spaces": "off" } },
);
