import { defineConfig } from "vitest/config";

// Browser tests: one live server for the run (e2e/setup.ts), files one after another.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
