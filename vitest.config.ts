import { configDefaults, defineConfig } from "vitest/config";

// tests/package drives the executables of `npm run package` (Wine for Windows): slow, so a plain
// `vitest run` (npm test) leaves it out; naming it runs it alone (`npx vitest run tests/package`).
const packageTests = process.argv.some((arg) => arg.replaceAll("\\", "/").includes("tests/package"));

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(packageTests ? [] : ["tests/package/**"])],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing src/ afresh for each file
    // (42 s → 26 s here); no test mocks modules or changes module state that another reads.
    isolate: false,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "text", "html"],
      reportsDirectory: "coverage",
    },
  },
});
