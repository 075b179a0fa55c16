import { configDefaults, defineConfig } from "vitest/config";

// tests/package drives the executables of `npm run package` (Wine for Windows): slow, so a plain
// `vitest run` (npm test) leaves it out; naming it runs it alone (`npx vitest run tests/package`).
const packageTests = process.argv.some((arg) => arg.replaceAll("\\", "/").includes("tests/package"));

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: packageTests ? configDefaults.exclude : [...configDefaults.exclude, "tests/package/**"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "text", "html"],
      reportsDirectory: "coverage",
    },
  },
});
