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
    // Timeouts catch a hang, never slowness: on the 2-core machine beside other work a test that
    // takes 3 s quiet has taken 50 s (`npm run test:load`). A test that times out is failed, and
    // tests/setup.ts finishes what it left running before the next test starts.
    testTimeout: 180_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing src/ afresh for each file
    // (42 s → 26 s here); no test mocks modules or changes module state that another reads.
    isolate: false,
    // Transformed test and source files kept on disk between runs (node_modules/
    // .experimental-vitest-cache, keyed by content): about 2 s of CPU less per run after the
    // first. `npx vitest run --clearCache` empties it.
    experimental: { fsModuleCache: true },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "text", "html"],
      reportsDirectory: "coverage",
    },
  },
});
